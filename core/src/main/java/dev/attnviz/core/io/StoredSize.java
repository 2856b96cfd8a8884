package dev.attnviz.core.io;

/**
 * How much one zip entry can hold, from what the file claims and what it really has.
 *
 * @param claimed the uncompressed size its record claims, or -1 if unknown; the file supplies it
 * @param compressed the bytes really there for it: its compressed size, at most the file's size
 * @param deflated whether it is deflated (else stored, unpacking to exactly its bytes)
 */
record StoredSize(long claimed, long compressed, boolean deflated) {

  /** The most bytes the entry's real data can unpack to. */
  long unpackable() {
    if (!deflated) {
      return compressed;
    }
    return compressed > Long.MAX_VALUE / NpzArchive.MAX_DEFLATE_RATIO
        ? Long.MAX_VALUE
        : compressed * NpzArchive.MAX_DEFLATE_RATIO;
  }

  /** The most bytes reading the entry can give: its claim, bounded by what its data can give. */
  long bound() {
    return claimed < 0 ? unpackable() : Math.min(claimed, unpackable());
  }
}
