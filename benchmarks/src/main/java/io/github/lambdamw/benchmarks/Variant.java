package io.github.lambdamw.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a benchmarked function is started: with or without the layer, and how the agent is set. Over
 * which transport SSM is read (loopback http or HTTPS, as in Lambda) is the run's, for all variants
 * alike (see {@link ColdStartBenchmark}).
 */
enum Variant {
  /** No layer: the function as Lambda runs it unguarded. */
  NONE(false, false, false, true),
  /**
   * The layer with {@code MAINTENANCE_WINDOW_DISABLED=true}: the wrapper script runs and attaches
   * no agent (it says so on stderr), so this is the cost of the wrapper alone.
   */
  AGENT_DISABLED(true, false, false, true),
  /** The layer, window closed, the dispatch class prepared at build time. */
  AGENT(true, false, false, true),
  /**
   * As {@link #AGENT}, the JVM's default TLS context left to the first https call instead of made
   * ahead on a thread of its own ({@code MAINTENANCE_WINDOW_TLS_AHEAD=false}): what that thread
   * gains or costs.
   */
  AGENT_NO_TLS_AHEAD(true, false, false, false),
  /** The layer, window open: the first invocation is deferred (one conditional PutItem). */
  AGENT_OPEN(true, true, false, true),
  /** The layer, window closed, run-time Byte Buddy forced (the path of an unknown RIC build). */
  AGENT_RUNTIME_BYTEBUDDY(true, false, true, true);

  final boolean layer;
  final boolean windowOpen;
  final boolean runtimeInstrumentation;
  final boolean tlsAhead;

  Variant(boolean layer, boolean windowOpen, boolean runtimeInstrumentation, boolean tlsAhead) {
    this.layer = layer;
    this.windowOpen = windowOpen;
    this.runtimeInstrumentation = runtimeInstrumentation;
    this.tlsAhead = tlsAhead;
  }

  /** Whether the agent reads the window from SSM at INIT (a function with the layer, enabled). */
  boolean readsWindow() {
    return layer && this != AGENT_DISABLED;
  }

  /** The name used on the command line and in tables, e.g. {@code agent-open}. */
  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Variant parse(String id) {
    for (Variant variant : values()) {
      if (variant.id().equals(id)) {
        return variant;
      }
    }
    throw new IllegalArgumentException("unknown variant " + id + "; known: " + List.of(values()));
  }

  static List<Variant> parseList(String ids) {
    List<Variant> variants = new ArrayList<>();
    for (String id : ids.split(",")) {
      variants.add(parse(id.trim()));
    }
    return variants;
  }

  @Override
  public String toString() {
    return id();
  }
}
