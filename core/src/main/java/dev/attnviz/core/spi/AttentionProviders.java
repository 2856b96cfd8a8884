package dev.attnviz.core.spi;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The provider factories available at run time, by name. Immutable.
 *
 * <pre>{@code
 * AttentionProviderFactory factory = AttentionProviders.discover().get("djl");
 * try (AttentionProvider provider = factory.open(ModelSource.embeddedDefault())) {
 *   AttentionData data = provider.compute(AttentionRequest.of("The cat sat on the mat"));
 * }
 * }</pre>
 */
public final class AttentionProviders {

  private final List<AttentionProviderFactory> factories;

  private AttentionProviders(List<AttentionProviderFactory> factories) {
    List<AttentionProviderFactory> sorted = new ArrayList<>(factories);
    sorted.sort(Comparator.comparing(AttentionProviderFactory::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException(
            "two attention providers are named '" + sorted.get(i).name() + "'");
      }
    }
    this.factories = Collections.unmodifiableList(sorted);
  }

  /**
   * Finds the factories on the class path with {@link ServiceLoader}, using the context class
   * loader of the current thread.
   *
   * @return the factories found, sorted by name; empty if no backend is on the class or module path
   */
  public static AttentionProviders discover() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<AttentionProviderFactory> found = new ArrayList<>();
    ServiceLoader.load(AttentionProviderFactory.class, loader).forEach(found::add);
    return new AttentionProviders(found);
  }

  /**
   * Wraps an explicit list of factories, e.g. for an application that wires them itself.
   *
   * @param factories the factories to offer; copied
   * @return the factories, sorted by name
   */
  public static AttentionProviders of(List<AttentionProviderFactory> factories) {
    return new AttentionProviders(List.copyOf(factories));
  }

  /** {@return all factories, sorted by name; unmodifiable} */
  public List<AttentionProviderFactory> factories() {
    return factories;
  }

  /** {@return all names, sorted; unmodifiable} */
  public List<String> names() {
    return factories.stream().map(AttentionProviderFactory::name).toList();
  }

  /**
   * The factory with the given name, if present.
   *
   * @param name the factory's name, ignoring case and surrounding white space
   * @return the factory, or empty if none has that name
   */
  public Optional<AttentionProviderFactory> find(String name) {
    Objects.requireNonNull(name, "name");
    return factories.stream().filter(f -> f.name().equalsIgnoreCase(name.trim())).findFirst();
  }

  /**
   * Returns the factory with the given name (ignoring case).
   *
   * @param name the factory's name, ignoring case and surrounding white space
   * @return the factory with that name
   * @throws AttentionException with {@link Reason#PROVIDER_NOT_FOUND} and a message listing the
   *     available names
   */
  public AttentionProviderFactory get(String name) throws AttentionException {
    Optional<AttentionProviderFactory> factory = find(name);
    if (factory.isPresent()) {
      return factory.get();
    }
    String available =
        factories.isEmpty()
            ? "none is on the class path; add attnviz-tensorflow or attnviz-djl"
            : "available: "
                + factories.stream().map(f -> f.name()).collect(Collectors.joining(", "));
    throw new AttentionException(
        Reason.PROVIDER_NOT_FOUND,
        "No attention provider named '" + name + "' (" + available + ").");
  }
}
