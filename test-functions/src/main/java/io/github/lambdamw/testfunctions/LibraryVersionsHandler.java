package io.github.lambdamw.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import net.bytebuddy.ByteBuddy;

/**
 * Reports the versions of the libraries this function sees at run time, so a test can prove it gets
 * its own bundled copies (Jackson databind 2.15, AWS SDK 2.25, Byte Buddy 1.14) and never the
 * agent's.
 */
public final class LibraryVersionsHandler implements RequestStreamHandler {
  private static final String SDK_VERSION_INFO = "software.amazon.awssdk.core.util.VersionInfo";
  private static final String BYTE_BUDDY_POM =
      "/META-INF/maven/net.bytebuddy/byte-buddy/pom.properties";

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("jackson", PackageVersion.VERSION.toString());
    versions.put("jacksonLoader", String.valueOf(ObjectMapper.class.getClassLoader()));
    versions.put("byteBuddy", byteBuddyVersion());
    versions.put("byteBuddyLoader", String.valueOf(ByteBuddy.class.getClassLoader()));
    versions.put("awsSdkCore", awsSdkVersion());
    // Written with the function's own Jackson: serializing is itself a use of the bundled copy.
    new ObjectMapper().writeValue(output, versions);
  }

  // The shaded jar's manifest is this module's, so Byte Buddy's Implementation-Version is gone; the
  // pom
  // properties Maven put in Byte Buddy's jar survive shading.
  private static String byteBuddyVersion() throws IOException {
    try (InputStream pom = ByteBuddy.class.getResourceAsStream(BYTE_BUDDY_POM)) {
      if (pom == null) {
        return String.valueOf(ByteBuddy.class.getPackage().getImplementationVersion());
      }
      Properties properties = new Properties();
      properties.load(pom);
      return properties.getProperty("version");
    }
  }

  // Read by reflection: SDK_VERSION is a compile-time constant, which javac would copy into this
  // class and so
  // report the version compiled against instead of the one loaded.
  private static String awsSdkVersion() {
    try {
      return String.valueOf(Class.forName(SDK_VERSION_INFO).getField("SDK_VERSION").get(null));
    } catch (ReflectiveOperationException e) {
      return "absent: " + e;
    }
  }
}
