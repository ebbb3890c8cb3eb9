package io.github.lambdamw.agent.internal.defer;

import io.github.lambdamw.window.WindowStatus;
import io.github.lambdamw.agent.internal.invocation.Invocation;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Creates the real store at the first deferral. Merely loading {@link DynamoDbDeferralStore} loads the DynamoDB
 * client's classes it names (its catch clauses, its fields), which the closed-window path never needs: every guarded
 * cold start would pay for them.
 */
public final class LazyDeferralStore implements DeferralStore {
  private final Supplier<DeferralStore> factory;
  private volatile DeferralStore store;

  public LazyDeferralStore(Supplier<DeferralStore> factory) {
    this.factory = factory;
  }

  @Override
  public boolean store(Invocation invocation, WindowStatus window, Instant arrivedAt) {
    return store().store(invocation, window, arrivedAt);
  }

  /** Creates the store and its client ahead of the first deferral (a window is open at INIT). Never throws. */
  public void prepare() {
    try {
      DeferralStore current = store();
      if (current instanceof DynamoDbDeferralStore dynamoDb) {
        dynamoDb.prepare();
      }
    } catch (RuntimeException | LinkageError e) {
      // The first deferral creates it again and reports what fails, with the invocation it fails.
    }
  }

  private DeferralStore store() {
    DeferralStore current = store;
    if (current == null) {
      synchronized (this) {
        current = store;
        if (current == null) {
          current = factory.get();
          store = current;
        }
      }
    }
    return current;
  }
}
