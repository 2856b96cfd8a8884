package dev.attnviz.swing.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs every test method and lifecycle method (before/after each) of the annotated class on the
 * Swing Event Dispatch Thread, as Swing requires. Shared by all Swing tests of this module.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EdtExtension.class)
public @interface OnEdt {}
