#!/usr/bin/env bash
# Builds the desktop app image: demo-app/target/dist/attnviz/ (launcher bin/attnviz on Linux),
# with its own Java runtime trimmed to the JDK modules the app uses and only this platform's
# native libraries. Run by `mvn -B -DskipTests -Pdist package` (profile dist of demo-app/pom.xml)
# after target/attnviz.jar and target/lib/ exist. Needs the JDK's jdeps, jlink and jpackage
# (JDK 17+). Arguments: the module's target folder and the project version.
set -euo pipefail
target=$1
version=${2%-SNAPSHOT}
stage=$target/dist-input
runtime=$target/dist-runtime
dest=$target/dist
bin=${JAVA_HOME:+$JAVA_HOME/bin/}

rm -rf "$stage" "$runtime" "$dest"
mkdir -p "$stage/lib" "$dest"
cp "$target/attnviz.jar" "$stage/"
cp "$target"/lib/*.jar "$stage/lib/"

# Native libraries of other platforms: ONNX Runtime, DJL's tokenizers and JNA ship every
# platform's in one jar. Keep this machine's. (TensorFlow's classifier jar is this platform's
# already: see the tf-* profiles of the parent pom.)
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ort=linux-x64 tok=linux-x86_64 jna=linux-x86-64 ;;
  Linux-aarch64) ort=linux-aarch64 tok=linux-aarch64 jna=linux-aarch64 ;;
  Darwin-arm64) ort=osx-aarch64 tok=osx-aarch64 jna=darwin-aarch64 ;;
  *) echo "app-image.sh: no native-library trimming known for $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac
trim() { # jar, the platform folder name to keep
  local jar=$1 keep=$2 drop
  # Folders that hold native libraries, minus this platform's.
  drop=$(unzip -Z1 "$jar" | grep -E '\.(so|dylib|dll|jnilib)$' | sed 's|/[^/]*$||' \
    | sed -E 's#^((ai/onnxruntime/native|native/lib|com/sun/jna)/[^/]+).*#\1#' | sort -u \
    | grep -v "/${keep}$" | sed 's|$|/*|' || true)
  if [ -n "$drop" ]; then
    # shellcheck disable=SC2086
    zip -q -d "$jar" $drop
  fi
}
trim "$stage"/lib/onnxruntime-[0-9]*.jar "$ort"
trim "$stage"/lib/tokenizers-[0-9]*.jar "$tok"
trim "$stage"/lib/jna-[0-9]*.jar "$jna"

# The JDK modules the app and its libraries use, found by jdeps on the classes of every jar
# (read as class-path code: as modules they would need the module path, where the BERT model jar
# has no valid name), plus jdk.zipfs, which nothing names but zip file systems are looked up
# through (ServiceLoader). The app is in English: no jdk.localedata.
classes=$target/dist-classes
rm -rf "$classes" && mkdir -p "$classes"
for jar in "$stage/attnviz.jar" "$stage"/lib/*.jar; do
  unzip -q -o "$jar" '*.class' -x '*module-info.class' 'META-INF/*' -d "$classes" >/dev/null 2>&1 || true
done
modules=$("${bin}jdeps" -q --ignore-missing-deps --print-module-deps "$classes")
modules="$modules,jdk.zipfs"
echo "app-image.sh: runtime modules $modules"
"${bin}jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$runtime"

"${bin}jpackage" --type app-image --name attnviz --app-version "$version" \
  --vendor "The attnviz authors" --description "Attention visualizer for transformer models" \
  --input "$stage" --main-jar attnviz.jar --main-class dev.attnviz.demo.Main \
  --runtime-image "$runtime" --java-options "-Xmx4g" --dest "$dest"
echo "app-image.sh: $(du -sh "$dest/attnviz" | cut -f1) in $dest/attnviz"
