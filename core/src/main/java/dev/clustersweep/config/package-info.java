/**
 * The per-user and per-directory configuration ({@code sweep config}): header and footer lines
 * that every task of a backend runs.
 */
package dev.clustersweep.config;
