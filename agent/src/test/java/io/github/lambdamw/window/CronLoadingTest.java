package io.github.lambdamw.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The cron library is loaded only by a value that has a recurring window (docs/window-format.md,
 * "Cost").
 */
class CronLoadingTest {

  @Test
  void oneOffAndOpenEndedValues_loadNoCronClass_andARecurringValueDoes() throws Exception {
    try (RecordingLoader loader = new RecordingLoader()) {
      Method parse = loader.loadClass(WindowPlan.class.getName()).getMethod("parse", String.class);

      parse.invoke(null, "2026-12-01T02:00:00Z,2026-12-01T06:00:00Z");
      parse.invoke(
          null,
          "{\"windows\":[{\"start\":\"2026-12-01T02:00:00Z\",\"end\":\"2026-12-01T06:00:00Z\"},"
              + "{\"start\":\"2026-12-02T02:00:00Z\"}]}");
      assertThat(loader.loaded).noneMatch(name -> name.startsWith("com.cronutils"));

      parse.invoke(
          null, "{\"windows\":[{\"schedule\":\"cron(0 2 ? * SUN *)\",\"duration\":\"PT2H\"}]}");
      assertThat(loader.loaded).anyMatch(name -> name.startsWith("com.cronutils"));
    }
  }

  /** Loads the window package and its libraries afresh, recording every class it defines. */
  private static final class RecordingLoader extends URLClassLoader {
    final List<String> loaded = new CopyOnWriteArrayList<>();

    RecordingLoader() throws ClassNotFoundException {
      super(
          new URL[] {
            location(WindowPlan.class),
            location(com.cronutils.model.Cron.class),
            location(org.slf4j.LoggerFactory.class),
            location(Class.forName("org.slf4j.impl.StaticLoggerBinder"))
          },
          ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      loaded.add(name);
      return super.findClass(name);
    }

    private static URL location(Class<?> type) {
      return type.getProtectionDomain().getCodeSource().getLocation();
    }
  }
}
