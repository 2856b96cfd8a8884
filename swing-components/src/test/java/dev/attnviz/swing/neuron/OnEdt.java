package dev.attnviz.swing.neuron;

import java.lang.reflect.Method;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs test methods and their set-up and tear-down on the Event Dispatch Thread, as Swing wants.
 */
final class OnEdt implements InvocationInterceptor {

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    runOnEdt(invocation);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    runOnEdt(invocation);
  }

  @Override
  public void interceptBeforeEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    runOnEdt(invocation);
  }

  @Override
  public void interceptAfterEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    runOnEdt(invocation);
  }

  private static void runOnEdt(Invocation<Void> invocation) throws Throwable {
    if (SwingUtilities.isEventDispatchThread()) {
      invocation.proceed();
      return;
    }
    Throwable[] failure = new Throwable[1];
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            invocation.proceed();
          } catch (Throwable t) {
            failure[0] = t;
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
  }
}
