package dev.attnviz.swing.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * A JUnit 5 extension that runs test methods and before/after-each methods on the Event Dispatch
 * Thread, rethrowing whatever they throw on the test thread. Use through {@link OnEdt}.
 */
public final class EdtExtension implements InvocationInterceptor {

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    onEdt(invocation);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    onEdt(invocation);
  }

  @Override
  public void interceptBeforeEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    onEdt(invocation);
  }

  @Override
  public void interceptAfterEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    onEdt(invocation);
  }

  private static void onEdt(Invocation<Void> invocation) throws Throwable {
    if (SwingUtilities.isEventDispatchThread()) {
      invocation.proceed();
      return;
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            try {
              invocation.proceed();
            } catch (Throwable t) {
              failure.set(t);
            }
          });
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }
}
