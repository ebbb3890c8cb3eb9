package io.github.lambdamw.harness.ssm;

import io.github.lambdamw.harness.internal.LoopbackServer;
import io.github.lambdamw.harness.internal.ServerTls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * SSM Parameter Store on 127.0.0.1 and a free port, for the SDK's {@code SsmClient} ({@code
 * endpointOverride(}{@link #endpoint()}{@code )}, or {@code AWS_ENDPOINT_URL_SSM} in a function).
 * Plain http by default; over HTTPS with {@link Builder#withTls(Path, char[])}, as SSM is in AWS.
 *
 * <p>Speaks GetParameter, GetParameters, PutParameter and DeleteParameter for String and StringList
 * parameters, with SSM's overwrite rule, versions and error shapes. Faults for tests: {@link
 * #throttleNext(int)}, {@link #failAllCalls(boolean)}, {@link #delayEachCall(Duration)}, and SSM's
 * read quota with {@link Builder#withRateLimit(double, int)}. Signatures are not checked.
 */
public final class LocalSsm implements AutoCloseable {

  private final ParameterStore store;
  private final SsmFaults faults;
  private final LoopbackServer server;

  private LocalSsm(Builder builder) {
    this.store = new ParameterStore(builder.clock);
    this.faults =
        new SsmFaults(
            builder.perSecond > 0 ? new SsmRateLimit(builder.perSecond, builder.burst) : null);
    SsmHandler handler = new SsmHandler(store, faults, builder.region, builder.accountId);
    this.server = LoopbackServer.start("local-ssm", handler::handle, builder.tls);
  }

  /** Starts a server with the defaults (us-east-1, account 123456789012, the system clock). */
  public static LocalSsm start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:port}, or {@code https://localhost:port} with TLS. */
  public URI endpoint() {
    return server.endpoint();
  }

  // ---- the parameters, directly ----

  /** Creates or overwrites a String parameter. */
  public SsmParameter put(String name, String value) {
    return store.put(name, value, "String", true);
  }

  /**
   * Creates or overwrites a StringList parameter (values joined with commas, as SSM stores them).
   */
  public SsmParameter putStringList(String name, List<String> values) {
    return store.put(name, String.join(",", values), "StringList", true);
  }

  /** The parameter, or null. */
  public SsmParameter get(String name) {
    return store.get(name);
  }

  /** Deletes a parameter; false when there was none. */
  public boolean delete(String name) {
    return store.delete(name);
  }

  // ---- faults and counters ----

  /** The next {@code count} calls answer {@code ThrottlingException} (HTTP 400), as SSM does. */
  public LocalSsm throttleNext(int count) {
    faults.throttleNext(count);
    return this;
  }

  /** While on, every call answers {@code InternalServerError} (HTTP 500). */
  public LocalSsm failAllCalls(boolean fail) {
    faults.failAll(fail);
    return this;
  }

  /** Every call waits this long before it is answered (faults included); zero for none. */
  public LocalSsm delayEachCall(Duration delay) {
    faults.delay(Objects.requireNonNull(delay));
    return this;
  }

  /** Calls received for an action ({@code "GetParameter"} …), faulted ones included. */
  public int calls(String action) {
    return faults.calls(action);
  }

  /** Calls received for every action. */
  public int totalCalls() {
    return faults.totalCalls();
  }

  /**
   * The read quota given with {@link Builder#withRateLimit(double, int)}, with its per-second
   * counts; or null.
   */
  public SsmRateLimit rateLimit() {
    return faults.rateLimit();
  }

  /** Clears the faults and the counters; the parameters stay. */
  public void resetFaults() {
    faults.reset();
  }

  @Override
  public void close() {
    server.close();
  }

  /** Settings of a {@link LocalSsm}. */
  public static final class Builder {
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private Clock clock = Clock.systemUTC();
    private SSLContext tls;
    private double perSecond;
    private int burst;

    private Builder() {}

    /**
     * Throttles parameter reads beyond a token bucket of {@code perSecond}, holding at most {@code
     * burst} tokens, as SSM's account quota does (40 and 40 by default in AWS); default unlimited.
     * See {@link SsmRateLimit}.
     */
    public Builder withRateLimit(double perSecond, int burst) {
      if (perSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1");
      }
      this.perSecond = perSecond;
      this.burst = burst;
      return this;
    }

    /** The region in parameter ARNs; default us-east-1. */
    public Builder withRegion(String region) {
      this.region = Objects.requireNonNull(region);
      return this;
    }

    /** The account in parameter ARNs; default 123456789012. */
    public Builder withAccountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId);
      return this;
    }

    /** The clock for LastModifiedDate; default the system's. */
    public Builder withClock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Serves HTTPS with the key and certificate chain in {@code keyStore} (a PKCS12 file as {@code
     * keytool -genkeypair} writes it, key password = store password); default plain http. The
     * certificate must name {@code localhost}, the host of {@link #endpoint()}, and clients must
     * trust it (e.g. {@code -Djavax.net.ssl.trustStore} in a function).
     */
    public Builder withTls(Path keyStore, char[] password) {
      this.tls = ServerTls.fromKeyStore(keyStore, password);
      return this;
    }

    public LocalSsm start() {
      return new LocalSsm(this);
    }
  }
}
