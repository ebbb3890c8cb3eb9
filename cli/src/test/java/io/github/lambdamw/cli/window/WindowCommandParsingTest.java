package io.github.lambdamw.cli.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WindowCommandParsingTest {

  @Test
  void open_readsDurationReasonAndParameter() {
    OpenCommand open =
        CommandLine.populateCommand(
            new OpenCommand(), "--for", "PT2H", "--reason", "db upgrade", "-p", "orders-mw");

    assertThat(open.end.duration).isEqualTo(Duration.ofHours(2));
    assertThat(open.end.until).isNull();
    assertThat(open.reason).isEqualTo("db upgrade");
    assertThat(open.parameter.name).isEqualTo("orders-mw");
  }

  @Test
  void open_withoutAnEnd_isOpenEnded_onTheAgentsDefaultParameter() {
    OpenCommand open = CommandLine.populateCommand(new OpenCommand());

    assertThat(open.end).isNull();
    assertThat(open.parameter.resolve(open.spec)).isEqualTo("maintenance-window");
  }

  @Test
  void open_untilAnInstantWithOffset() {
    OpenCommand open =
        CommandLine.populateCommand(new OpenCommand(), "--until", "2026-12-25T06:00:00+01:00");

    assertThat(open.end.until).isEqualTo(Instant.parse("2026-12-25T05:00:00Z"));
  }

  @Test
  void open_forAndUntilTogether_isAUsageError() {
    assertThatThrownBy(
            () ->
                CommandLine.populateCommand(
                    new OpenCommand(), "--for", "PT2H", "--until", "2026-12-25T06:00:00Z"))
        .isInstanceOf(CommandLine.MutuallyExclusiveArgsException.class);
  }

  @Test
  void check_takesExactlyOneSource() {
    assertThat(CommandLine.populateCommand(new CheckCommand(), "{\"windows\":[]}").source.value)
        .isEqualTo("{\"windows\":[]}");
    assertThat(CommandLine.populateCommand(new CheckCommand(), "--file", "w.json").source.file)
        .isEqualTo(Path.of("w.json"));
    assertThat(CommandLine.populateCommand(new CheckCommand(), "--parameter", "mw", "--next", "3"))
        .satisfies(
            check -> {
              assertThat(check.source.parameter).isEqualTo("mw");
              assertThat(check.next).isEqualTo(3);
            });
    assertThat(CommandLine.populateCommand(new CheckCommand()).source)
        .as("the stack's parameter, if any")
        .isNull();
    assertThatThrownBy(
            () -> CommandLine.populateCommand(new CheckCommand(), "--file", "w.json", "-p", "mw"))
        .isInstanceOf(CommandLine.MutuallyExclusiveArgsException.class);
  }
}
