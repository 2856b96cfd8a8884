package dev.attnviz.core.spi.tokenizers;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.RequestTokenizer;
import dev.attnviz.core.spi.TokenizedInput;
import dev.attnviz.core.spi.TokenizedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one Hugging Face tokenizer adapter of every bundled provider: a {@code tokenizer.json} set up
 * for attention. Special tokens are added, nothing is padded, and input is truncated only when the
 * request allows it: a {@code tokenizer.json} may carry its own padding and truncation
 * (all-MiniLM-L6-v2's pads and cuts to 128); both are switched off, and overlong input is measured
 * first, then rejected or cut to the model's limit longest-first (see {@link RequestTokenizer}).
 *
 * <p>Special tokens are marked from the tokenizer's own special-token set ({@code added_tokens}
 * with {@code "special": true}), not only where its template added them: {@code [SEP]} or {@code
 * <|endoftext|>} typed in the text is special too, as the file readers infer it.
 *
 * <p>Lives in {@code core} behind an optional dependency on {@code ai.djl.huggingface:tokenizers}:
 * both backends use the same library and must tokenize alike, while users of {@code core} alone do
 * not get the native library. A backend that uses this class declares the dependency itself.
 *
 * <p>Thread-safe: the native tokenizers are immutable once built. {@link #close()} releases them.
 */
public final class HuggingFacePairTokenizer implements AutoCloseable {

  private final HuggingFaceTokenizer whole;
  private final HuggingFaceTokenizer truncating;
  private final int maxTokens;
  private final String source;
  private final Set<String> specialTokens;
  private final Map<Long, String> vocabulary;

  private HuggingFacePairTokenizer(
      HuggingFaceTokenizer whole,
      HuggingFaceTokenizer truncating,
      int maxTokens,
      String source,
      Vocabulary vocabulary) {
    this.whole = whole;
    this.truncating = truncating;
    this.maxTokens = maxTokens;
    this.source = source;
    this.specialTokens = Set.copyOf(vocabulary.special());
    this.vocabulary = Map.copyOf(vocabulary.byId());
  }

  /**
   * Loads a {@code tokenizer.json} file.
   *
   * @return the tokenizer
   * @param file the tokenizer file
   * @param maxTokens the model's limit, special tokens included
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} if it cannot be read, or {@link
   *     Reason#MODEL_INVALID} if it is not a Hugging Face tokenizer
   */
  public static HuggingFacePairTokenizer open(Path file, int maxTokens) throws AttentionException {
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND,
          "Cannot read the tokenizer " + file + " (" + e.getMessage() + ").",
          e);
    }
    return open(json, file.toString(), maxTokens);
  }

  /**
   * Loads a tokenizer from the contents of a {@code tokenizer.json}.
   *
   * @return the tokenizer
   * @param json the file's bytes
   * @param source where it came from, for messages
   * @param maxTokens the model's limit, special tokens included
   * @throws AttentionException with {@link Reason#MODEL_INVALID} if it is not a Hugging Face
   *     tokenizer
   */
  public static HuggingFacePairTokenizer open(byte[] json, String source, int maxTokens)
      throws AttentionException {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be positive, not " + maxTokens);
    }
    Vocabulary vocabulary = Vocabulary.read(json, source);
    Map<String, String> options = new HashMap<>();
    options.put("addSpecialTokens", "true");
    options.put("padding", "false");
    options.put("modelMaxLength", String.valueOf(maxTokens));
    options.put("truncation", "false");
    HuggingFaceTokenizer whole = load(json, source, options);
    options.put("truncation", "LONGEST_FIRST");
    options.put("maxLength", String.valueOf(maxTokens));
    try {
      return new HuggingFacePairTokenizer(
          whole, load(json, source, options), maxTokens, source, vocabulary);
    } catch (AttentionException | RuntimeException e) {
      whole.close();
      throw e;
    }
  }

  private static HuggingFaceTokenizer load(byte[] json, String source, Map<String, String> options)
      throws AttentionException {
    try {
      return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), options);
    } catch (IOException | RuntimeException e) {
      // The native library reports a malformed file as a RuntimeException.
      throw new AttentionException(
          Reason.MODEL_INVALID,
          "Cannot load the tokenizer "
              + source
              + " ("
              + e.getMessage()
              + "). It must be a Hugging Face tokenizer.json, as saved by"
              + " tokenizer.save_pretrained().",
          e);
    }
  }

  /** {@return the most tokens one input may have, special tokens included} */
  public int maxTokens() {
    return maxTokens;
  }

  /** {@return where the tokenizer came from, for messages} */
  public String source() {
    return source;
  }

  /** {@return the tokenizer's special tokens (its {@code added_tokens} marked special)} */
  public Set<String> specialTokens() {
    return specialTokens;
  }

  /**
   * The vocabulary entry of {@code id}, if the tokenizer has one.
   *
   * @param id a token id
   * @return the vocabulary entry of that id, or empty if the tokenizer has none
   */
  public Optional<String> token(long id) {
    return Optional.ofNullable(vocabulary.get(id));
  }

  /**
   * The id of a vocabulary entry, if the tokenizer has it.
   *
   * @param token a vocabulary entry, e.g. {@code "##ing"}
   * @return its id, or empty if the tokenizer does not have it
   */
  public Optional<Long> id(String token) {
    return vocabulary.entrySet().stream()
        .filter(e -> e.getValue().equals(token))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /**
   * Tokenizes a request within the model's limit.
   *
   * @return the ids, tokens and (for a pair) where sentence B starts, with any truncation
   * @param request the text (and second text) with the overflow policy
   * @param modelName for messages
   * @throws AttentionException with {@link Reason#INPUT_EMPTY} if the text is blank or yields no
   *     token, or {@link Reason#INPUT_TOO_LONG} if it is too long and truncation is not allowed
   */
  public TokenizedRequest encode(AttentionRequest request, String modelName)
      throws AttentionException {
    return RequestTokenizer.tokenize(
        request, modelName, maxTokens, r -> tokenize(whole, r), r -> tokenize(truncating, r));
  }

  /**
   * Tokenizes one text as it is, special tokens added, never truncated.
   *
   * @param text the text; not null
   * @return its ids and tokens, which may be more than {@link #maxTokens()}
   */
  public TokenizedInput encodeWhole(String text) {
    return toInput(whole.encode(text));
  }

  private TokenizedInput tokenize(HuggingFaceTokenizer tokenizer, AttentionRequest request) {
    Encoding encoding =
        request.textB().isPresent()
            ? tokenizer.encode(request.textA(), request.textB().get())
            : tokenizer.encode(request.textA());
    return toInput(encoding);
  }

  private TokenizedInput toInput(Encoding encoding) {
    String[] tokens = encoding.getTokens();
    long[] mask = encoding.getSpecialTokenMask();
    for (int i = 0; i < tokens.length; i++) {
      if (specialTokens.contains(tokens[i])) {
        mask[i] = 1;
      }
    }
    return TokenizedInput.of(
        tokens, encoding.getIds(), encoding.getTypeIds(), mask, encoding.getWordIds());
  }

  /** Releases both native tokenizers. Idempotent. */
  @Override
  public void close() {
    whole.close();
    truncating.close();
  }

  /**
   * The id-to-token table and special tokens read from {@code tokenizer.json}, with Jackson's
   * streaming parser (core never binds JSON to objects).
   */
  private record Vocabulary(Map<Long, String> byId, Set<String> special) {

    static Vocabulary read(byte[] json, String source) throws AttentionException {
      Map<Long, String> byId = new HashMap<>();
      Set<String> special = new HashSet<>();
      try (JsonParser parser = new JsonFactory().createParser(json)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          throw new IOException("the file is not a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          if (field.equals("model") && parser.currentToken() == JsonToken.START_OBJECT) {
            readModel(parser, byId);
          } else if (field.equals("added_tokens")
              && parser.currentToken() == JsonToken.START_ARRAY) {
            readAdded(parser, byId, special);
          } else {
            parser.skipChildren();
          }
        }
      } catch (IOException e) {
        throw new AttentionException(
            Reason.MODEL_INVALID,
            "Cannot load the tokenizer "
                + source
                + ": it is not valid JSON ("
                + e.getMessage()
                + "). It must be a Hugging Face tokenizer.json.",
            e);
      }
      return new Vocabulary(byId, special);
    }

    private static void readModel(JsonParser parser, Map<Long, String> byId) throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("vocab") && value == JsonToken.START_OBJECT) {
          // BPE, WordPiece: {"token": id, ...}
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String token = parser.currentName();
            parser.nextToken();
            byId.put(parser.getLongValue(), token);
          }
        } else if (field.equals("vocab") && value == JsonToken.START_ARRAY) {
          // Unigram: [[piece, score], ...]; the index is the id.
          long id = 0;
          while (parser.nextToken() == JsonToken.START_ARRAY) {
            parser.nextToken();
            byId.put(id++, parser.getText());
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
      }
    }

    private static void readAdded(JsonParser parser, Map<Long, String> byId, Set<String> special)
        throws IOException {
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        Long id = null;
        String content = null;
        boolean isSpecial = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken value = parser.nextToken();
          switch (field) {
            case "id" -> id = parser.getLongValue();
            case "content" -> content = parser.getText();
            case "special" -> isSpecial = value == JsonToken.VALUE_TRUE;
            default -> parser.skipChildren();
          }
        }
        if (id != null && content != null) {
          byId.put(id, content);
          if (isSpecial) {
            special.add(content);
          }
        }
      }
    }
  }
}
