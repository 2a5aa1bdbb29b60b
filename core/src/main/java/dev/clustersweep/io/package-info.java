/**
 * Files written whole or not at all, and file problems told apart (absent, unreadable, full disk).
 */
package dev.clustersweep.io;
