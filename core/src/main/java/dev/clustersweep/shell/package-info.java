/**
 * Shell quoting: values reach tasks byte for byte, quoted only where they need it.
 */
package dev.clustersweep.shell;
