package io.github.lambdamw.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The layer zip's size, and what the agent jar inside it is made of (compressed bytes per library,
 * from the relocated package names).
 *
 * <p>{@code --zip <layer zip>}, default the one in wrapper/target.
 */
public final class LayerSize {
  private static final String SHADED = "io/github/lambdamw/agent/shaded/";

  private LayerSize() {}

  public static void main(String[] argv) throws IOException {
    Path zip = Path.of(new Args(argv).text("zip", defaultZip().toString()));
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%n### Layer%n%n`%s`: %,d bytes (%.2f MB)%n%n",
            zip.getFileName(),
            Files.size(zip),
            Files.size(zip) / 1024.0 / 1024.0));
    text.append("| entry in the zip | compressed bytes | bytes |\n|---|---|---|\n");
    Map<String, long[]> agentParts = new TreeMap<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        text.append(
            String.format(
                Locale.ROOT,
                "| %s | %,d | %,d |%n",
                entry.getName(),
                entry.getCompressedSize(),
                entry.getSize()));
        if (entry.getName().endsWith("agent.jar")) {
          try (InputStream in = file.getInputStream(entry)) {
            agentParts = parts(in);
          }
        }
      }
    }
    text.append("\n| agent.jar part | compressed bytes | classes/files |\n|---|---|---|\n");
    agentParts.forEach(
        (part, sizes) ->
            text.append(
                String.format(Locale.ROOT, "| %s | %,d | %,d |%n", part, sizes[0], sizes[1])));
    System.out.println(text);
  }

  private static Map<String, long[]> parts(InputStream jar) throws IOException {
    Map<String, long[]> parts = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(jar)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        if (entry.isDirectory()) {
          continue;
        }
        long size = entry.getCompressedSize();
        if (size < 0) {
          in.transferTo(
              java.io.OutputStream.nullOutputStream()); // compressed size known after reading
          size = entry.getCompressedSize();
        }
        long[] sizes = parts.computeIfAbsent(part(entry.getName()), k -> new long[2]);
        sizes[0] += size;
        sizes[1]++;
      }
    }
    return parts;
  }

  /** The library an entry belongs to, e.g. "software.amazon.awssdk.services.dynamodb". */
  static String part(String name) {
    if (!name.startsWith(SHADED)) {
      return name.startsWith("io/github/lambdamw/agent/internal/dispatch/prepared/")
          ? "(own) prepared dispatch classes"
          : name.startsWith("io/github/lambdamw/")
              ? "(own) agent classes"
              : "(other) META-INF, notices";
    }
    String[] segments = name.substring(SHADED.length()).split("/");
    int depth =
        switch (segments[0] + "." + segments[1]) {
          case "software.amazon" -> segments.length > 4 && segments[3].equals("services") ? 5 : 4;
          case "com.fasterxml" ->
              segments.length > 3 && segments[2].equals("jackson") && segments[3].equals("jr")
                  ? 4
                  : 3;
          default -> 2;
        };
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < Math.min(depth, segments.length - 1); i++) {
      part.append(i == 0 ? "" : ".").append(segments[i]);
    }
    return part.toString();
  }

  private static Path defaultZip() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path target = dir.resolve("wrapper/target");
      if (Files.isDirectory(target)) {
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(target, "*-layer.zip")) {
          for (Path zip : zips) {
            return zip;
          }
        }
      }
    }
    throw new IllegalStateException("no wrapper/target/*-layer.zip: build first");
  }
}
