package io.github.lambdamw.harness.demo;

import io.github.lambdamw.replay.ReplaySummary;
import java.util.List;

/**
 * What the demo saw, phase by phase, for its test.
 *
 * @param closedAnswer the function's answer while no window was open
 * @param closedLogLine the handler's log line of that invocation
 * @param rehearsalAnswer the function's answer while only a window in observe mode was open
 * @param wouldDeferLine the agent's log line for that invocation
 * @param wouldDeferMetric the metric record counting it
 * @param storedDuringRehearsal the function's items in the table after it
 * @param deferredEvents the events sent while the window was open, as text, in order
 * @param deferredAnswers the answers to them
 * @param stored the table's items after them, in arrival order
 * @param handlerRunsDuringWindow handler log lines written while the window was open
 * @param replay the replay's counts
 * @param replayedAnswers the function's answers to the replayed invocations, in order
 * @param leftAfterReplay the function's items in the table after the replay
 * @param timeline the timeline printed for the recurring window, as {@code mw window status
 *     --plain} prints it
 */
record DemoReport(
    String closedAnswer,
    String closedLogLine,
    String rehearsalAnswer,
    String wouldDeferLine,
    String wouldDeferMetric,
    int storedDuringRehearsal,
    List<String> deferredEvents,
    List<String> deferredAnswers,
    List<StoredInvocation> stored,
    int handlerRunsDuringWindow,
    ReplaySummary replay,
    List<String> replayedAnswers,
    int leftAfterReplay,
    String timeline) {}
