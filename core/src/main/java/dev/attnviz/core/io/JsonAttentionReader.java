package dev.attnviz.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tensor4D;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON attention file in two streaming passes: the first ({@link JsonLayoutScanner})
 * validates the structure and measures every tensor, then the memory is checked and each tensor is
 * allocated once, and the second ({@link JsonTensorFiller}) parses the numbers into place. The
 * numbers are never held twice, nor as boxed values.
 */
final class JsonAttentionReader {

  private final MemoryBudget budget;

  JsonAttentionReader(MemoryBudget budget) {
    this.budget = budget;
  }

  AttentionData read(Path file) throws InvalidFileException, IOException {
    JsonLayoutScanner.ParserSource source =
        () ->
            JsonFormat.FACTORY.createParser(
                new Utf8CheckingInputStream(new BufferedInputStream(Files.newInputStream(file))));
    try {
      JsonLayout layout = JsonLayoutScanner.scan(source);
      List<Map<String, JsonTensorFiller.Target>> targets = allocate(layout);
      try (JsonParser parser = source.open()) {
        JsonLayoutScanner.seekTopLevelField(parser, JsonFormat.ATTENTION);
        JsonTensorFiller.fill(parser, targets);
      }
      return build(layout, targets);
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
    } catch (Utf8CheckingInputStream.MalformedException e) {
      throw new InvalidFileException(
          "it is not valid UTF-8 text (at byte "
              + String.format(Locale.ROOT, "%,d", e.offset())
              + ": an overlong, cut or impossible character)",
          "Save it as UTF-8 again, e.g. with attnviz or json.dump(..., ensure_ascii=False) to a"
              + " file opened with encoding='utf-8'",
          e);
    }
  }

  private List<Map<String, JsonTensorFiller.Target>> allocate(JsonLayout layout)
      throws InvalidFileException {
    long elements = 0;
    for (JsonLayout.Kind kind : layout.kinds()) {
      elements = saturatedAdd(elements, kind.elements());
    }
    budget.require(
        elements > Long.MAX_VALUE / Float.BYTES ? Long.MAX_VALUE : elements * Float.BYTES,
        "the attention in this file");
    List<Map<String, JsonTensorFiller.Target>> targets = new ArrayList<>();
    for (int i = 0; i < layout.kinds().size(); i++) {
      JsonLayout.Kind kind = layout.kinds().get(i);
      String where = JsonFormat.ATTENTION + "[" + i + "].";
      Map<String, JsonTensorFiller.Target> element = new HashMap<>();
      element.put(JsonFormat.WEIGHTS, target(kind.weights(), where + JsonFormat.WEIGHTS));
      if (kind.queries() != null) {
        element.put(JsonFormat.QUERIES, target(kind.queries(), where + JsonFormat.QUERIES));
        element.put(JsonFormat.KEYS, target(kind.keys(), where + JsonFormat.KEYS));
      }
      targets.add(element);
    }
    return targets;
  }

  private JsonTensorFiller.Target target(long[] shape, String where) throws InvalidFileException {
    return new JsonTensorFiller.Target(budget.allocate(shape, where), shape);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static AttentionData build(
      JsonLayout layout, List<Map<String, JsonTensorFiller.Target>> targets)
      throws InvalidFileException {
    AttentionData.Builder data = AttentionData.builder().setModel(layout.model());
    for (int i = 0; i < layout.kinds().size(); i++) {
      JsonLayout.Kind kind = layout.kinds().get(i);
      Map<String, JsonTensorFiller.Target> tensors = targets.get(i);
      Attention.Builder attention =
          Attention.builder(kind.kind())
              .setQueryTokens(kind.queryTokens())
              .setKeyTokens(kind.keyTokens())
              .setWeights(built(tensors, JsonFormat.WEIGHTS));
      if (tensors.containsKey(JsonFormat.QUERIES)) {
        attention.optVectors(built(tensors, JsonFormat.QUERIES), built(tensors, JsonFormat.KEYS));
      }
      try {
        data.addAttention(attention.build());
      } catch (IllegalArgumentException e) {
        throw InvalidFileException.wrap(
            JsonFormat.ATTENTION + "[" + i + "]", e, JsonFormat.FORMAT_ADVICE);
      }
    }
    if (layout.sentenceBStart() != null) {
      data.optSentenceBStart(layout.sentenceBStart());
    }
    if (layout.truncation() != null) {
      data.optTruncation(layout.truncation());
    }
    try {
      return ReadDataChecks.checked(data.build(), JsonFormat.FORMAT_ADVICE);
    } catch (IllegalArgumentException e) {
      throw new InvalidFileException(e.getMessage(), JsonFormat.FORMAT_ADVICE, e);
    }
  }

  /**
   * Where a syntax error is, for the message. Jackson counts lines and columns in {@code int}s, so
   * past 2 GB of one line the column wraps to a negative number; the byte offset is a {@code long}.
   */
  static String where(JsonLocation location) {
    if (location == null) {
      return "";
    }
    if (location.getLineNr() > 0 && location.getColumnNr() > 0) {
      return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
    long offset =
        location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
    return offset >= 0 ? " at byte " + String.format(Locale.ROOT, "%,d", offset) : "";
  }

  private static Tensor4D built(Map<String, JsonTensorFiller.Target> tensors, String field) {
    return tensors.get(field).builder().build();
  }

  private static InvalidFileException syntaxError(JsonProcessingException e) {
    String at = where(e.getLocation());
    String inside = "";
    if (e instanceof StreamReadException read && read.getProcessor() != null) {
      String path = JsonFormat.path(read.getProcessor().getParsingContext());
      inside = path.isEmpty() ? "" : " (in " + path + ")";
    }
    // Jackson reports a cut file either as its EOF exception or by this phrase.
    if (e instanceof JsonEOFException || e.getOriginalMessage().contains("end-of-input")) {
      return new InvalidFileException(
          "the JSON ends too early" + at + inside,
          "The file is truncated; save it again and make sure it is copied completely",
          e);
    }
    return new InvalidFileException(
        "it is not valid JSON" + at + inside + ": " + e.getOriginalMessage(),
        "The file is damaged or not JSON; save it again",
        e);
  }
}
