package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ProgressListener;
import dev.attnviz.core.spi.TokenizedInput;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import dev.attnviz.core.testing.OracleFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Token ids of the embedded model's tokenizer (a generated {@code tokenizer.json} from {@code
 * vocab.txt}) against independent values.
 *
 * <p>The oracle fixtures' ids come from the Python {@code tokenizers} library. The ids of the other
 * cases were computed with the Hugging Face {@code tokenizers} Node.js binding (npm {@code
 * tokenizers} 0.23.2), configured by hand, not from our JSON: {@code
 * WordPiece.fromFile(vocab.txt)}, {@code bertNormalizer({lowercase: true})}, {@code
 * bertPreTokenizer()} and {@code bertProcessing([SEP] 102, [CLS] 101)}.
 */
class TokenIdsTest {

  private static HuggingFacePairTokenizer tokenizer;

  @BeforeAll
  static void openTokenizer() throws AttentionException {
    Path folder = EmbeddedModel.unpack(TokenIdsTest.class.getClassLoader(), ProgressListener.NONE);
    tokenizer = ModelTokenizer.open(folder, Optional.empty(), Optional.empty(), 128);
  }

  @AfterAll
  static void closeTokenizer() {
    tokenizer.close();
  }

  private static TokenizedInput encode(String a, String b) throws AttentionException {
    return tokenizer
        .encode(AttentionRequest.builder().setTextA(a).optTextB(b).build(), "bert-base-uncased")
        .input();
  }

  static final List<String> FIXTURES = OracleFixture.NAMES;

  @ParameterizedTest
  @FieldSource("FIXTURES")
  void idsAndTypesEqualTheOracleFixtures(String name) throws AttentionException {
    OracleFixture fixture = OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, name);

    TokenizedInput input = encode(fixture.textA(), fixture.textB());

    assertArrayEquals(Arrays.stream(fixture.ids()).asLongStream().toArray(), input.ids());
    assertArrayEquals(Arrays.stream(fixture.types()).asLongStream().toArray(), input.typeIds());
    assertEquals(fixture.tokens(), input.tokens());
  }

  @Test
  void accentsAreStrippedAndUnknownPiecesSplit() throws AttentionException {
    TokenizedInput input = encode("Café naïve résumé, Ångström façade", null);

    assertEquals(
        List.of("[CLS]", "cafe", "naive", "resume", ",", "ang", "##strom", "facade", "[SEP]"),
        input.tokens());
    assertArrayEquals(
        new long[] {101, 7668, 15743, 13746, 1010, 17076, 15687, 8508, 102}, input.ids());
  }

  @Test
  void punctuationBecomesTokensOfItsOwn() throws AttentionException {
    TokenizedInput input =
        encode(
            "Hello, world! (It's 3.14 -- isn't it?) \"quoted\" e-mail@x.com; a/b #1 50% $5", null);

    assertArrayEquals(
        new long[] {
          101, 7592, 1010, 2088, 999, 1006, 2009, 1005, 1055, 1017, 1012, 2403, 1011, 1011, 3475,
          1005, 1056, 2009, 1029, 1007, 1000, 9339, 1000, 1041, 1011, 5653, 1030, 1060, 1012, 4012,
          1025, 1037, 1013, 1038, 1001, 1015, 2753, 1003, 1002, 1019, 102
        },
        input.ids());
  }

  @Test
  void cjkCharactersAreSingleTokensAndUnknownOnesUnk() throws AttentionException {
    TokenizedInput input = encode("我爱北京天安门 and 東京タワー", null);

    assertEquals(
        List.of(
            "[CLS]", "我", "[UNK]", "北", "京", "天", "安", "[UNK]", "and", "東", "京", "タ", "##ワ", "##ー",
            "[SEP]"),
        input.tokens());
    assertArrayEquals(
        new long[] {
          101, 1855, 100, 1781, 1755, 1811, 1820, 100, 1998, 1879, 1755, 1709, 30262, 30265, 102
        },
        input.ids());
  }

  @Test
  void emojiAreUnknownAndAdjacentOnesFormOneWord() throws AttentionException {
    TokenizedInput input = encode("I love pizza 🍕🎉! 👍", null);

    assertEquals(
        List.of("[CLS]", "i", "love", "pizza", "[UNK]", "!", "[UNK]", "[SEP]"), input.tokens());
    assertArrayEquals(new long[] {101, 1045, 2293, 10733, 100, 999, 100, 102}, input.ids());
  }

  @Test
  void pairsWithUnicodeGetTypeIdsForSentenceB() throws AttentionException {
    TokenizedInput input = encode("Zürich is in Schweiz.", "São Paulo — Brasil…");

    assertArrayEquals(
        new long[] {
          101, 10204, 2003, 1999, 8040, 2232, 19845, 2480, 1012, 102, 7509, 9094, 1517, 21133, 1529,
          102
        },
        input.ids());
    assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}, input.typeIds());
    assertEquals(10, input.sentenceBStart().orElseThrow());
  }
}
