package dev.jwkit.adapters.file.internal;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.jose.JwkitException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;

/** Reading input files with errors that name the file and say what is wrong. */
public final class Files2 {

  /** The largest key, keystore or JWKS file read: 16 MiB. */
  public static final long MAX_FILE_SIZE = 16L * 1024 * 1024;

  private Files2() {}

  /**
   * Reads a whole file of at most {@link #MAX_FILE_SIZE} bytes.
   *
   * @throws JwkitException {@link FileError#UNREADABLE} naming the file and the reason
   */
  public static byte[] read(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_SIZE) {
        throw new JwkitException(FileError.UNREADABLE, file + " is larger than " + MAX_FILE_SIZE + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new JwkitException(FileError.UNREADABLE, file + " does not exist", e);
    } catch (AccessDeniedException e) {
      throw new JwkitException(FileError.UNREADABLE, "permission denied reading " + file, e);
    } catch (IOException e) {
      throw new JwkitException(FileError.UNREADABLE, "could not read " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads a whole file as strict UTF-8 text.
   *
   * @throws JwkitException {@link FileError#UNREADABLE}, or {@link FileError#CORRUPT} if it is not UTF-8
   */
  public static String readUtf8(Path file) {
    byte[] bytes = read(file);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new JwkitException(FileError.CORRUPT, file + " is not UTF-8 text", e);
    }
  }
}
