package dev.attnviz.core.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which model a provider should open: its embedded default, or a file or folder chosen by the user,
 * plus provider options. Immutable.
 *
 * <p>Options shared by the bundled providers (others may define more):
 *
 * <ul>
 *   <li>{@value #ATTENTION_PATTERN}: a regular expression matching the names of the attention
 *       probability tensors, with a named group {@code layer} holding the layer index;
 *   <li>{@value #QUERY_PATTERN} and {@value #KEY_PATTERN}: the same for the query and key
 *       projections;
 *   <li>{@value #CAUSAL}, {@value #TOKENIZER} and {@value #MAX_TOKENS}.
 * </ul>
 *
 * <p>{@link ModelOptions} parses and checks them the same way for every provider.
 */
public final class ModelSource {

  /** Option: regular expression for attention tensors, with a {@code (?<layer>\d+)} group. */
  public static final String ATTENTION_PATTERN = "attentionPattern";

  /** Option: regular expression for query projections, with a {@code (?<layer>\d+)} group. */
  public static final String QUERY_PATTERN = "queryPattern";

  /** Option: regular expression for key projections, with a {@code (?<layer>\d+)} group. */
  public static final String KEY_PATTERN = "keyPattern";

  /**
   * Option: {@code true} if a model opened with {@link #ATTENTION_PATTERN} is decoder-only
   * (causal); known families decide this themselves.
   */
  public static final String CAUSAL = "causal";

  /** Option: path of the {@code tokenizer.json} to use instead of the one next to the model. */
  public static final String TOKENIZER = "tokenizer";

  /** Option: the most tokens of one input, for models that do not say. */
  public static final String MAX_TOKENS = "maxTokens";

  private static final ModelSource EMBEDDED_DEFAULT = new ModelSource(null, Map.of());

  private final Path path;
  private final Map<String, String> options;

  private ModelSource(Path path, Map<String, String> options) {
    this.path = path;
    this.options = Map.copyOf(options);
  }

  /** {@return the source naming the provider's embedded default model, without options} */
  public static ModelSource embeddedDefault() {
    return EMBEDDED_DEFAULT;
  }

  /**
   * A model at {@code path} (a folder or a file, as the provider documents).
   *
   * @param path the model's folder or file; not null
   * @return a source for that model, without options
   */
  public static ModelSource of(Path path) {
    return new ModelSource(Objects.requireNonNull(path, "path"), Map.of());
  }

  /**
   * Returns a copy with one more option.
   *
   * @param key the option's name, e.g. {@link #ATTENTION_PATTERN}; not null
   * @param value its value; not null
   * @return a new source with the option set (replacing an earlier value of {@code key})
   */
  public ModelSource withOption(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new TreeMap<>(options);
    copy.put(key, value);
    return new ModelSource(path, copy);
  }

  /** {@return the chosen path, or empty for the embedded default} */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  /** {@return whether this is the embedded default} */
  public boolean isEmbeddedDefault() {
    return path == null;
  }

  /**
   * The value of an option, if set.
   *
   * @param key the option's name
   * @return its value, or empty if not set
   */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /** {@return all options, unmodifiable} */
  public Map<String, String> options() {
    return options;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelSource that
        && Objects.equals(path, that.path)
        && options.equals(that.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, options);
  }

  @Override
  public String toString() {
    return (path == null ? "embedded default model" : path.toString())
        + (options.isEmpty() ? "" : " " + options);
  }
}
