package io.github.lambdamw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdamw.agent.internal.AgentConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every environment variable and {@code mw} option the documentation names is one the code knows,
 * and every variable the agent reads is in the documented tables, so the docs cannot drift from the
 * code unnoticed. (The CDK context keys are checked where the demo stack reads them:
 * examples/demo-stack DocumentedContextKeysTest.)
 */
class DocumentedNamesTest {
  private static final Pattern VARIABLE =
      Pattern.compile("(?<![A-Za-z0-9_])_?MAINTENANCE_WINDOW_[A-Z0-9_]*[A-Z0-9]");
  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");

  /**
   * The commands the docs show besides mw; an option after one of them on the same line is that
   * command's. {@code mw} itself is in the list so an mw command after another one on a line counts
   * again.
   */
  private static final Pattern COMMAND =
      Pattern.compile(
          "(?<![\\w-])(?:[\\w.-]*/)*(mw|aws|npm|npx|java|javac|mvnw|mvn|demo|dynoxide)(?=[ `])");

  /**
   * Options of other tools that the docs name in prose, away from their command: none is mw's, each
   * says whose it is.
   */
  private static final Map<String, String> OTHER_TOOLS_IN_PROSE =
      Map.of(
          "--release", "javac: the agent and the construct library are compiled with --release 17",
          "--add-exports", "java: .mvn/jvm.config opens javac's packages to the formatter",
          "--sun-misc-unsafe-memory-access",
              "java: .mvn/jvm.config quiets Maven's Guice on JDK 24+",
          "--cli-binary-format", "aws: the AWS CLI v2's payload option, explained in prose",
          "--db-path", "dynoxide: the local DynamoDB's data file (harness/README.md)",
          "--layers", "aws: update-function-configuration's layer list (infra/README.md)",
          "--setting-id", "aws: update-service-setting's setting (docs/fleet-sizing.md)",
          "--ssm", "benchmarks/run.sh: HTTPS or HTTP to the SSM stand-in (docs/performance.md)",
          "--functions", "benchmarks/run.sh: which functions (docs/performance.md)",
          "--variants", "benchmarks/run.sh: which variants (docs/performance.md)");

  /** mw's own subcommands: a piece that starts with one of them is about mw. */
  private static final Set<String> MW_SUBCOMMANDS =
      MaintenanceWindowCli.commandLine(new MaintenanceWindowCli()).getSubcommands().keySet();

  private static Set<String> mwOptions() {
    Set<String> names = new TreeSet<>();
    collect(MaintenanceWindowCli.commandLine(new MaintenanceWindowCli()), names);
    return names;
  }

  private static void collect(CommandLine command, Set<String> names) {
    for (OptionSpec option : command.getCommandSpec().options()) {
      names.addAll(List.of(option.names()));
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      collect(sub, names);
    }
  }

  /** The variables the agent reads: AgentConfig's public constants. */
  private static Set<String> agentVariables() throws IllegalAccessException {
    Set<String> names = new TreeSet<>();
    for (Field field : AgentConfig.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType() == String.class
          && ((String) field.get(null)).startsWith("MAINTENANCE_WINDOW_")) {
        names.add((String) field.get(null));
      }
    }
    return names;
  }

  /** The variables the layer's wrapper script reads or sets. */
  private static Set<String> wrapperVariables() {
    String script =
        ProjectDocs.read(
            ProjectDocs.ROOT.resolve("wrapper/src/main/layer/maintenance-window/wrapper"));
    return matches(VARIABLE, script);
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** The first column of the Markdown table that follows {@code heading} in {@code doc}. */
  private static Set<String> firstColumn(String doc, String heading) {
    int at = doc.indexOf(heading);
    assertThat(at).as("heading %s", heading).isNotNegative();
    Set<String> names = new TreeSet<>();
    boolean inTable = false;
    for (String line : doc.substring(at).split("\n")) {
      if (line.startsWith("|")) {
        inTable = true;
        names.addAll(matches(VARIABLE, line.substring(0, line.indexOf('|', 1))));
      } else if (inTable) {
        break;
      }
    }
    return names;
  }

  /** A line of a code block, an inline code span, or the prose between spans. */
  private record Piece(String text, boolean code) {}

  /**
   * The pieces of {@code doc} in which a command's options can follow it: each line of a code block
   * (a line continued with a backslash is one), each inline code span (one that wraps in prose
   * included), and the prose between spans.
   */
  private static List<Piece> pieces(String doc) {
    List<Piece> pieces = new ArrayList<>();
    boolean inBlock = false;
    StringBuilder paragraph = new StringBuilder();
    for (String line : doc.replace("\\\n", " ").split("\n")) {
      if (line.strip().startsWith("```")) {
        inBlock = !inBlock;
      } else if (inBlock) {
        pieces.add(new Piece(line, true));
      } else {
        paragraph.append(line).append(' ');
        if (line.isBlank()) {
          addSpans(paragraph.toString(), pieces);
          paragraph.setLength(0);
        }
      }
    }
    addSpans(paragraph.toString(), pieces);
    return pieces;
  }

  private static void addSpans(String paragraph, List<Piece> pieces) {
    String[] parts = paragraph.split("`", -1);
    for (int i = 0; i < parts.length; i++) {
      pieces.add(new Piece(parts[i], i % 2 == 1));
    }
  }

  /**
   * The options named in {@code doc} that are mw's: after an mw command, or with no command before
   * them.
   */
  static List<String> mwOptionsNamedIn(String doc) {
    List<String> options = new ArrayList<>();
    for (Piece piece : pieces(doc)) {
      String text = piece.text();
      List<int[]> commands = new ArrayList<>();
      // Code that starts with a word is a command line: another tool's, unless the word is mw or
      // one of its
      // subcommands (`sam deploy --guided`, `gpg --keyserver …`, `scripts/publish-layer.sh
      // --regions …`).
      String first = text.strip().split("\\s+", 2)[0];
      if (piece.code()
          && !first.isEmpty()
          && !first.startsWith("-")
          && !MW_SUBCOMMANDS.contains(first)
          && !first.matches("(.*/)?mw")) {
        commands.add(new int[] {-1, 0});
      }
      Matcher c = COMMAND.matcher(text);
      while (c.find()) {
        commands.add(new int[] {c.start(), c.group(1).equals("mw") ? 1 : 0});
      }
      Matcher o = OPTION.matcher(text);
      while (o.find()) {
        int owner = -1;
        for (int[] command : commands) {
          if (command[0] < o.start()) {
            owner = command[1];
          }
        }
        if (owner == 1 || (owner == -1 && !OTHER_TOOLS_IN_PROSE.containsKey(o.group()))) {
          options.add(o.group());
        }
      }
    }
    return options;
  }

  @Test
  void everyVariableTheDocsName_isReadByTheAgentOrTheWrapper() throws IllegalAccessException {
    Set<String> known = new TreeSet<>(agentVariables());
    known.addAll(wrapperVariables());
    Map<String, Set<String>> unknown = new TreeMap<>();
    for (Map.Entry<String, String> doc : ProjectDocs.all().entrySet()) {
      Set<String> named = matches(VARIABLE, doc.getValue());
      named.removeAll(known);
      if (!named.isEmpty()) {
        unknown.put(doc.getKey(), named);
      }
    }
    assertThat(unknown)
        .as("variables neither the agent nor the wrapper reads, by document")
        .isEmpty();
  }

  @Test
  void everyVariableTheAgentReads_isInTheSettingsTableOfContractsMd()
      throws IllegalAccessException {
    String contracts = ProjectDocs.all().get("docs/contracts.md");
    assertThat(firstColumn(contracts, "## The agent's environment")).containsAll(agentVariables());
  }

  @Test
  void everyVariableAUserSets_isInTheReadmesConfigurationTable() throws IllegalAccessException {
    Set<String> expected = new TreeSet<>(agentVariables());
    // Switches for the benchmarks, documented in docs/contracts.md and docs/performance.md only.
    expected.remove(AgentConfig.RUNTIME_INSTRUMENTATION);
    expected.remove(AgentConfig.TLS_AHEAD);
    expected.add("MAINTENANCE_WINDOW_NEXT_WRAPPER");
    assertThat(wrapperVariables()).contains("MAINTENANCE_WINDOW_NEXT_WRAPPER");

    String table = ProjectDocs.all().get("README.md");
    assertThat(firstColumn(table, "## Configuration (environment of the guarded function)"))
        .containsAll(expected);
  }

  @Test
  void everyMwOptionTheDocsName_isAnOptionOfSomeMwCommand() {
    Set<String> known = mwOptions();
    Map<String, Set<String>> unknown = new TreeMap<>();
    for (Map.Entry<String, String> doc : ProjectDocs.all().entrySet()) {
      Set<String> named = new TreeSet<>(mwOptionsNamedIn(doc.getValue()));
      named.removeAll(known);
      if (!named.isEmpty()) {
        unknown.put(doc.getKey(), named);
      }
    }
    assertThat(unknown).as("options no mw command has, by document").isEmpty();
  }

  @Test
  void theOptionReader_tellsMwsOptionsFromOtherCommandsAndFindsAnUnknownOne() {
    assertThat(
            mwOptionsNamedIn(
                "cli/mw --stack S window open --for PT2H --reason x   # or: --until t"))
        .containsExactly("--stack", "--for", "--reason", "--until");
    assertThat(mwOptionsNamedIn("aws ssm put-parameter --name n --overwrite \\\n  --value v"))
        .isEmpty();
    assertThat(mwOptionsNamedIn("npm ci --no-audit && mw replay run --sync"))
        .containsExactly("--sync");
    assertThat(
            mwOptionsNamedIn(
                "in prose (`aws dynamodb query --table-name t\n--key v`) and `--days`"))
        .containsExactly("--days");
    assertThat(
            mwOptionsNamedIn("`--stack NAME` calls CloudFormation; compiled with `--release 17`"))
        .containsExactly("--stack");
    assertThat(
            mwOptionsNamedIn("with `sam deploy --guided` or `window status --zone Z`, or --days 3"))
        .containsExactly("--zone", "--days");
    assertThat(mwOptionsNamedIn("mw replay run --no-such-option"))
        .containsExactly("--no-such-option")
        .doesNotContainAnyElementsOf(mwOptions());
  }
}
