/**
 * Shortcuts the library's own packages take between each other; not exported by the module and not
 * part of the API.
 */
package dev.attnviz.core.internal;
