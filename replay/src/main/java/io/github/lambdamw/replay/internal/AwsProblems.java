package io.github.lambdamw.replay.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One line for an expected AWS failure: what went wrong and what to do, never a stack trace. The
 * SDK's own messages are long ("Unable to load region from any of the providers in the chain ...:
 * [SystemPropertyRegionProvider ...") or say "See cause" without it; operators need the cause and
 * the fix.
 */
public final class AwsProblems {
  private static final Set<String> DENIED =
      Set.of(
          "AccessDenied",
          "AccessDeniedException",
          "UnauthorizedOperation",
          "UnrecognizedClientException",
          "InvalidClientTokenId",
          "ExpiredToken",
          "ExpiredTokenException",
          "InvalidSignatureException",
          "SignatureDoesNotMatch",
          "MissingAuthenticationToken");

  private AwsProblems() {}

  /**
   * The failure in one line.
   *
   * @param e what the SDK threw
   * @param subject what was being used, for the message: {@code "table 'x'"}, {@code "SSM parameter
   *     'y'"}
   */
  public static String describe(SdkException e, String subject) {
    if (e instanceof AwsServiceException service) {
      return describeService(service, subject);
    }
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Unable to load region")) {
      return "no AWS region: pass --region, or set AWS_REGION (or a region in the profile of AWS_PROFILE)";
    }
    if (message.startsWith("Unable to load credentials")) {
      return "no AWS credentials: set AWS_PROFILE (after 'aws configure' or 'aws sso login'), or AWS_ACCESS_KEY_ID "
          + "and AWS_SECRET_ACCESS_KEY";
    }
    UnknownHostException unknownHost = cause(e, UnknownHostException.class);
    if (unknownHost != null) {
      return subject
          + ": unknown host "
          + unknownHost.getMessage()
          + ": check --region, --endpoint-url and AWS_ENDPOINT_URL_*, and the network";
    }
    Throwable unreachable = cause(e, ConnectException.class);
    if (unreachable == null) {
      unreachable = cause(e, NoRouteToHostException.class);
    }
    if (unreachable != null) {
      return subject
          + ": cannot connect ("
          + unreachable.getMessage()
          + "): check --endpoint-url and AWS_ENDPOINT_URL_*, and the network";
    }
    if (e instanceof ApiCallTimeoutException || cause(e, SocketTimeoutException.class) != null) {
      return subject + ": AWS did not answer in time: check the network, then try again";
    }
    return subject + ": " + firstLine(withCause(e));
  }

  private static String describeService(AwsServiceException e, String subject) {
    AwsErrorDetails details = e.awsErrorDetails();
    String code = details == null ? null : details.errorCode();
    String text =
        details == null || details.errorMessage() == null
            ? firstLine(e.getMessage())
            : details.errorMessage();
    String said = (code == null ? "HTTP " + e.statusCode() : code) + ": " + firstLine(text);
    if (DENIED.contains(code) || e.statusCode() == 403) {
      return subject
          + ": access denied ("
          + said
          + "): use credentials allowed to do this (see the IAM table in "
          + "replay/README.md and infra/README.md), or check AWS_PROFILE and --region";
    }
    if ("ResourceNotFoundException".equals(code)) {
      return subject
          + " does not exist ("
          + said
          + "): check its name and --region, or pass --stack";
    }
    if ("ParameterNotFound".equals(code)) {
      return subject + " does not exist: check its name and --region, or pass --stack";
    }
    return subject + ": " + said;
  }

  private static String withCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(e.getMessage());
    return root == e || root.getMessage() == null || message.contains(root.getMessage())
        ? message
        : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
