package dev.attnviz.core.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.Truncation;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes attention data as version-1 JSON with a streaming generator, one number at a time, so that
 * writing needs no memory beyond the data itself. Floats are written in the shortest form that
 * reads back to the same bits.
 */
final class JsonAttentionWriter {

  private JsonAttentionWriter() {}

  /** Writes {@code data} to {@code out} as UTF-8, without closing {@code out}. */
  static void write(AttentionData data, OutputStream out) throws IOException {
    try (JsonGenerator json = JsonFormat.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField(JsonFormat.FORMAT, JsonFormat.FORMAT_NAME);
      json.writeNumberField(JsonFormat.VERSION_FIELD, JsonFormat.VERSION);
      json.writeObjectFieldStart(JsonFormat.MODEL);
      json.writeStringField(JsonFormat.MODEL_NAME, data.model().name());
      json.writeStringField(JsonFormat.MODEL_BACKEND, data.model().backend());
      json.writeBooleanField(JsonFormat.MODEL_CAUSAL, data.model().causal());
      json.writeEndObject();
      json.writeFieldName(JsonFormat.SENTENCE_B_START);
      if (data.sentenceBStart().isPresent()) {
        json.writeNumber(data.sentenceBStart().getAsInt());
      } else {
        json.writeNull();
      }
      if (data.truncation().isPresent()) {
        Truncation truncation = data.truncation().get();
        json.writeObjectFieldStart(JsonFormat.TRUNCATION);
        json.writeNumberField(JsonFormat.ORIGINAL_TOKENS, truncation.originalTokenCount());
        json.writeNumberField(JsonFormat.KEPT_TOKENS, truncation.keptTokenCount());
        json.writeEndObject();
      }
      json.writeArrayFieldStart(JsonFormat.ATTENTION);
      for (Attention attention : data.attentions()) {
        writeAttention(json, attention);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  private static void writeAttention(JsonGenerator json, Attention attention) throws IOException {
    json.writeStartObject();
    json.writeStringField(JsonFormat.KIND, attention.kind().id());
    Tokens queries = attention.queryTokens();
    Tokens keys = attention.keyTokens();
    TokenValue string = (out, tokens, i) -> out.writeString(tokens.get(i));
    TokenValue special = (out, tokens, i) -> out.writeBoolean(tokens.isSpecial(i));
    TokenValue word = (out, tokens, i) -> out.writeNumber(tokens.wordOf(i));
    writePerToken(json, JsonFormat.QUERY_TOKENS, queries, string);
    writePerToken(json, JsonFormat.KEY_TOKENS, keys, string);
    writePerToken(json, JsonFormat.QUERY_SPECIAL, queries, special);
    writePerToken(json, JsonFormat.KEY_SPECIAL, keys, special);
    writePerToken(json, JsonFormat.QUERY_WORDS, queries, word);
    writePerToken(json, JsonFormat.KEY_WORDS, keys, word);
    writeTensor(json, JsonFormat.WEIGHTS, attention.weights());
    if (attention.hasVectors()) {
      writeTensor(json, JsonFormat.QUERIES, attention.queries().orElseThrow());
      writeTensor(json, JsonFormat.KEYS, attention.keys().orElseThrow());
    }
    json.writeEndObject();
  }

  /** Writes the value of one token. */
  @FunctionalInterface
  private interface TokenValue {
    void write(JsonGenerator json, Tokens tokens, int index) throws IOException;
  }

  /** Writes an array with one value per token. */
  private static void writePerToken(
      JsonGenerator json, String field, Tokens tokens, TokenValue value) throws IOException {
    json.writeArrayFieldStart(field);
    for (int i = 0; i < tokens.size(); i++) {
      value.write(json, tokens, i);
    }
    json.writeEndArray();
  }

  private static void writeTensor(JsonGenerator json, String field, Tensor4D tensor)
      throws IOException {
    json.writeArrayFieldStart(field);
    float[] row = new float[tensor.dim3()];
    for (int i0 = 0; i0 < tensor.dim0(); i0++) {
      json.writeStartArray();
      for (int i1 = 0; i1 < tensor.dim1(); i1++) {
        json.writeStartArray();
        for (int i2 = 0; i2 < tensor.dim2(); i2++) {
          tensor.copyRow(i0, i1, i2, row, 0);
          json.writeStartArray();
          for (float value : row) {
            json.writeNumber(value);
          }
          json.writeEndArray();
        }
        json.writeEndArray();
      }
      json.writeEndArray();
    }
    json.writeEndArray();
  }
}
