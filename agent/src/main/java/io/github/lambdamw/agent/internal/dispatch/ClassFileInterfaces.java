package io.github.lambdamw.agent.internal.dispatch;

import java.nio.charset.StandardCharsets;

/**
 * Reads the direct interfaces of a class file without a bytecode library: the dispatch transformer
 * sees every class of the runtime client's package, and loading ASM to answer "does it implement
 * LambdaRequestHandler?" would cost more than the rest of the agent's start-up.
 */
final class ClassFileInterfaces {
  private ClassFileInterfaces() {}

  /**
   * Whether the class in {@code classFile} names {@code internalName} among its direct interfaces.
   */
  static boolean implementsDirectly(byte[] classFile, String internalName) {
    byte[] wanted = internalName.getBytes(StandardCharsets.UTF_8);
    int count = u2(classFile, 8);
    int[] offsets = new int[count];
    int position = 10;
    for (int index = 1; index < count; index++) {
      offsets[index] = position;
      int tag = classFile[position] & 0xff;
      switch (tag) {
        case 1: // Utf8
          position += 3 + u2(classFile, position + 1);
          break;
        case 3: // Integer
        case 4: // Float
        case 9: // Fieldref
        case 10: // Methodref
        case 11: // InterfaceMethodref
        case 12: // NameAndType
        case 17: // Dynamic
        case 18: // InvokeDynamic
          position += 5;
          break;
        case 5: // Long
        case 6: // Double
          position += 9;
          index++; // takes two slots
          break;
        case 7: // Class
        case 8: // String
        case 16: // MethodType
        case 19: // Module
        case 20: // Package
          position += 3;
          break;
        case 15: // MethodHandle
          position += 4;
          break;
        default:
          throw new IllegalArgumentException(
              "unknown constant pool tag " + tag + " at " + position);
      }
    }
    int interfaces = u2(classFile, position + 6);
    for (int i = 0; i < interfaces; i++) {
      int classEntry = offsets[u2(classFile, position + 8 + 2 * i)];
      int utf8 = offsets[u2(classFile, classEntry + 1)];
      if (equalsUtf8(classFile, utf8, wanted)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equalsUtf8(byte[] classFile, int utf8Offset, byte[] wanted) {
    int length = u2(classFile, utf8Offset + 1);
    if (length != wanted.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (classFile[utf8Offset + 3 + i] != wanted[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u2(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
  }
}
