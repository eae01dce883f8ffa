package dev.jwkit.jwks.model;

import java.util.Objects;

/**
 * The operator action that adds an existing key to a ring. Into an empty ring it becomes the active key
 * (and a pending successor is generated); into a started ring it becomes a pending key, promoted in turn
 * like any other once it has been published for the publish lead.
 *
 * <p>This is a final class rather than a record because it carries key material.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class ImportKey implements KeyRingCommand {

  private final KeyMaterial material;

  private ImportKey(KeyMaterial material) {
    this.material = Objects.requireNonNull(material, "material");
  }

  /** A command to import the given material. */
  public static ImportKey of(KeyMaterial material) {
    return new ImportKey(material);
  }

  /** The material to import. */
  public KeyMaterial material() {
    return material;
  }

  @Override
  public String toString() {
    return "ImportKey[kid=" + material.kid() + "]";
  }
}
