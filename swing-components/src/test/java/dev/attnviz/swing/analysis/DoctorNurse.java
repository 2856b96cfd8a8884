package dev.attnviz.swing.analysis;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.io.AttentionFiles;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Real BERT-base attention (bert-base-uncased through the TensorFlow backend) of "The doctor asked
 * the nurse a question. She" and "… He", as exported by the demo:
 *
 * <pre>
 * java -jar demo-app/target/attnviz.jar export --backend tensorflow \
 *     --text "The doctor asked the nurse a question. She" --out doctor-nurse-she.json
 * </pre>
 *
 * Both have 11 tokens: {@code [CLS] the doctor asked the nurse a question . she/he [SEP]}.
 */
final class DoctorNurse {

  /** The text of input A. */
  static final String SHE = "The doctor asked the nurse a question. She";

  /** The text of input B. */
  static final String HE = "The doctor asked the nurse a question. He";

  private DoctorNurse() {}

  /** The attention of {@link #SHE}. */
  static AttentionData she() {
    return load("doctor-nurse-she.json");
  }

  /** The attention of {@link #HE}. */
  static AttentionData he() {
    return load("doctor-nurse-he.json");
  }

  private static AttentionData load(String name) {
    URL resource = DoctorNurse.class.getResource(name);
    if (resource == null) {
      throw new IllegalStateException("test resource " + name + " is missing");
    }
    try {
      return AttentionFiles.read(Path.of(resource.toURI()));
    } catch (URISyntaxException | AttentionException e) {
      throw new IllegalStateException("cannot read test resource " + name, e);
    }
  }
}
