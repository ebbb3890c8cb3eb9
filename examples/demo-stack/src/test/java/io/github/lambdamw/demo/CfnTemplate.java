package io.github.lambdamw.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A synthesized CloudFormation template read back from a cloud assembly, with the look-ups the
 * tests need.
 */
final class CfnTemplate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode root;

  private CfnTemplate(JsonNode root) {
    this.root = root;
  }

  static CfnTemplate read(Path file) throws IOException {
    return new CfnTemplate(JSON.readTree(file.toFile()));
  }

  /**
   * The function whose construct id is {@code id} (its logical id is the id and an 8-digit hash).
   */
  JsonNode function(String id) {
    List<JsonNode> found = new ArrayList<>();
    root.path("Resources")
        .properties()
        .forEach(
            entry -> {
              if (entry.getValue().path("Type").asText().equals("AWS::Lambda::Function")
                  && entry.getKey().matches(id + "[0-9A-F]{8}")) {
                found.add(entry.getValue());
              }
            });
    assertThat(found).as("function %s", id).hasSize(1);
    return found.get(0);
  }

  /** The type of the resource {@code reference} names: a logical id, or {"Ref": id}. */
  String typeOf(JsonNode reference) {
    String id = reference.isTextual() ? reference.asText() : reference.path("Ref").asText();
    return root.at("/Resources/" + id + "/Type").asText();
  }

  /** A literal, or the Name property of the resource a {"Ref": id} points at. */
  String nameOf(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    return root.at("/Resources/" + value.path("Ref").asText() + "/Properties/Name").asText();
  }

  /** The statements of the IAM policies attached to {@code function}'s role. */
  List<JsonNode> statementsOfRole(JsonNode function) {
    String roleId = function.at("/Properties/Role/Fn::GetAtt/0").asText();
    List<JsonNode> statements = new ArrayList<>();
    root.path("Resources")
        .forEach(
            resource -> {
              if (resource.path("Type").asText().equals("AWS::IAM::Policy")
                  && resource.at("/Properties/Roles").toString().contains("\"" + roleId + "\"")) {
                resource.at("/Properties/PolicyDocument/Statement").forEach(statements::add);
              }
            });
    return statements;
  }

  /** The actions of {@code statements}, one string or a list each. */
  static List<String> actionsOf(List<JsonNode> statements) {
    List<String> actions = new ArrayList<>();
    for (JsonNode statement : statements) {
      JsonNode action = statement.path("Action");
      if (action.isArray()) {
        action.forEach(a -> actions.add(a.asText()));
      } else {
        actions.add(action.asText());
      }
    }
    return actions;
  }

  /** The keys of the template's outputs. */
  List<String> outputKeys() {
    List<String> keys = new ArrayList<>();
    root.path("Outputs").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The resources other than functions and policies whose definition contains {@code text}. */
  List<JsonNode> resourcesMentioning(String text) {
    Set<String> skipped = Set.of("AWS::Lambda::Function", "AWS::IAM::Policy");
    List<JsonNode> found = new ArrayList<>();
    root.path("Resources")
        .forEach(
            resource -> {
              if (!skipped.contains(resource.path("Type").asText())
                  && resource.toString().contains(text)) {
                found.add(resource);
              }
            });
    assertThat(found).as("a resource naming %s", text).isNotEmpty();
    return found;
  }
}
