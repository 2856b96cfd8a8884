package dev.attnviz.core.spi;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The model options of a {@link ModelSource}, parsed and checked once by the same rules for every
 * provider, so that the same mistake gets the same {@link Reason} and the same words whichever
 * backend opens the model.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>an option the backend does not know is refused, listing the known ones (a typo in {@code
 *       --model-option} must not be ignored silently);
 *   <li>a pattern must be a valid regular expression with a named group {@code (?<layer>\d+)};
 *   <li>{@value ModelSource#QUERY_PATTERN} and {@value ModelSource#KEY_PATTERN} come together or
 *       not at all; without {@value ModelSource#ATTENTION_PATTERN} they replace the query and key
 *       patterns of the backend's known families;
 *   <li>{@value ModelSource#CAUSAL} is {@code true} or {@code false};
 *   <li>{@value ModelSource#TOKENIZER} names an existing file;
 *   <li>{@value ModelSource#MAX_TOKENS} is a whole number of at least 2.
 * </ul>
 *
 * Every violation is an {@link AttentionException} with {@link Reason#MODEL_INVALID} (a missing
 * tokenizer file: {@link Reason#MODEL_NOT_FOUND}) whose message starts with {@code "The model
 * option <name>"}. Immutable.
 */
public final class ModelOptions {

  /** The options every bundled provider understands. */
  public static final Set<String> COMMON =
      Set.of(
          ModelSource.ATTENTION_PATTERN,
          ModelSource.QUERY_PATTERN,
          ModelSource.KEY_PATTERN,
          ModelSource.CAUSAL,
          ModelSource.TOKENIZER,
          ModelSource.MAX_TOKENS);

  private static final String LAYER_GROUP = "(?<layer>";

  private final Map<String, String> raw;
  private final Optional<Pattern> attention;
  private final Optional<Pattern> query;
  private final Optional<Pattern> key;
  private final Optional<Boolean> causal;
  private final Optional<Path> tokenizer;
  private final OptionalInt maxTokens;

  private ModelOptions(ModelSource source) throws AttentionException {
    this.raw = source.options();
    this.attention = pattern(ModelSource.ATTENTION_PATTERN);
    this.query = pattern(ModelSource.QUERY_PATTERN);
    this.key = pattern(ModelSource.KEY_PATTERN);
    if (query.isPresent() != key.isPresent()) {
      String given = query.isPresent() ? ModelSource.QUERY_PATTERN : ModelSource.KEY_PATTERN;
      String missing = query.isPresent() ? ModelSource.KEY_PATTERN : ModelSource.QUERY_PATTERN;
      throw invalid(
          given,
          "needs the option "
              + missing
              + " too: queries and keys come together. Set both, or neither.");
    }
    this.causal = bool(ModelSource.CAUSAL);
    this.tokenizer = file(ModelSource.TOKENIZER);
    this.maxTokens = wholeNumber(ModelSource.MAX_TOKENS);
  }

  /**
   * Parses and checks the options of {@code source}.
   *
   * @return the checked options
   * @param source the model source with its options
   * @param backend the backend's name, for messages
   * @param backendOptions the options this backend knows beyond {@link #COMMON}
   * @throws AttentionException with {@link Reason#MODEL_INVALID} for an unknown or malformed
   *     option, or {@link Reason#MODEL_NOT_FOUND} for a tokenizer file that does not exist
   */
  public static ModelOptions parse(ModelSource source, String backend, Set<String> backendOptions)
      throws AttentionException {
    Objects.requireNonNull(source, "source");
    Set<String> known = new TreeSet<>(COMMON);
    known.addAll(backendOptions);
    for (String name : source.options().keySet()) {
      if (!known.contains(name)) {
        throw new AttentionException(
            Reason.MODEL_INVALID,
            "The model option "
                + name
                + " is unknown to the "
                + backend
                + " backend. Known options: "
                + String.join(", ", known)
                + ".");
      }
    }
    return new ModelOptions(source);
  }

  /** {@return the user's attention pattern, or empty if not set} */
  public Optional<Pattern> attention() {
    return attention;
  }

  /** {@return the user's query pattern} Present exactly when {@link #key()} is. */
  public Optional<Pattern> query() {
    return query;
  }

  /** {@return the user's key pattern} Present exactly when {@link #query()} is. */
  public Optional<Pattern> key() {
    return key;
  }

  /** {@return whether the user said the model is causal (decoder-only), or empty if not said} */
  public Optional<Boolean> causal() {
    return causal;
  }

  /**
   * {@return the tokenizer file the user chose, or empty} It existed when the options were parsed.
   */
  public Optional<Path> tokenizer() {
    return tokenizer;
  }

  /** {@return the most tokens of one input, or empty if the user did not set it} */
  public OptionalInt maxTokens() {
    return maxTokens;
  }

  /**
   * The raw value of a backend-specific option, if set.
   *
   * @param name the option's name
   * @return its value without surrounding white space, or empty if not set
   */
  public Optional<String> value(String name) {
    return Optional.ofNullable(raw.get(name)).map(String::trim);
  }

  /**
   * A backend-specific boolean option.
   *
   * @param name the option's name
   * @return its value, or empty if not set
   * @throws AttentionException with {@link Reason#MODEL_INVALID} if it is set but not {@code true}
   *     or {@code false}
   */
  public Optional<Boolean> bool(String name) throws AttentionException {
    Optional<String> value = value(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String lower = value.get().toLowerCase(Locale.ROOT);
    if (!lower.equals("true") && !lower.equals("false")) {
      throw invalid(name, "is '" + value.get() + "'; use true or false.");
    }
    return Optional.of(lower.equals("true"));
  }

  private Optional<Pattern> pattern(String name) throws AttentionException {
    Optional<String> regex = Optional.ofNullable(raw.get(name));
    if (regex.isEmpty()) {
      return Optional.empty();
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex.get());
    } catch (PatternSyntaxException e) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          quote(name, regex.get())
              + " is not a valid regular expression: "
              + e.getDescription()
              + ".",
          e);
    }
    if (!regex.get().contains(LAYER_GROUP)) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          quote(name, regex.get())
              + " has no group for the layer index. Mark it with (?<layer>\\d+), e.g."
              + " '/blocks\\.(?<layer>\\d+)/attn/Softmax_output_0'.");
    }
    return Optional.of(pattern);
  }

  private Optional<Path> file(String name) throws AttentionException {
    Optional<String> value = value(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(value.get());
    if (Files.isDirectory(path)) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND,
          quote(name, value.get()) + " is a folder. Give the path of the model's tokenizer.json.");
    }
    if (!Files.isRegularFile(path)) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND, quote(name, value.get()) + " names a file that does not exist.");
    }
    return Optional.of(path);
  }

  private OptionalInt wholeNumber(String name) throws AttentionException {
    Optional<String> value = value(name);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int number = Integer.parseInt(value.get());
      if (number >= 2) {
        return OptionalInt.of(number);
      }
    } catch (NumberFormatException e) {
      // Falls through to the message below, which names the bad value.
    }
    throw invalid(name, "is '" + value.get() + "'; use a whole number of at least 2.");
  }

  private static AttentionException invalid(String name, String problem) {
    return new AttentionException(Reason.MODEL_INVALID, "The model option " + name + " " + problem);
  }

  private static String quote(String name, String value) {
    return "The model option " + name + " = '" + value + "'";
  }
}
