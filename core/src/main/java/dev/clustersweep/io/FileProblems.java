package dev.clustersweep.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.clustersweep.BadInputException;
import dev.clustersweep.SystemRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Turns a failed file operation into the one line the user is owed: a corrupt file is bad input
 * (exit 2, it names the file and what was expected), anything else is the system refusing (exit 3,
 * it names the file and the system's reason). Java's own messages name the file only sometimes
 * (a full disk says just "No space left on device"), so the caller says which file it was at.
 */
public final class FileProblems {

    private FileProblems() {
    }

    /** The system refused {@code verb} ("read", "write", "create") on {@code file}. */
    public static SystemRefusedException refused(String verb, Path file, IOException e) {
        Path named = file;
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            named = Path.of(fse.getFile()); // the file that failed, maybe a parent directory of ours
        }
        return new SystemRefusedException("cannot " + verb + " " + named + ": " + reason(e), e);
    }

    /** As {@link #refused(String, Path, IOException)}, always naming {@code file}. */
    public static SystemRefusedException refusedAt(String verb, Path file, IOException e) {
        return new SystemRefusedException("cannot " + verb + " " + file + ": " + reason(e), e);
    }

    /** {@code file} is not what it must be: one line with what was expected. */
    public static BadInputException corrupt(Path file, String expected, Exception e) {
        String detail = e == null ? "" : " (" + firstLine(e instanceof JsonProcessingException j
                ? j.getOriginalMessage() : e.getMessage()) + ")";
        return new BadInputException("corrupt " + file + detail + ": expected " + expected, e);
    }

    /**
     * Reading {@code file} failed: a parse error is {@link #corrupt}, anything else the system
     * refusing.
     */
    public static RuntimeException reading(Path file, String expected, IOException e) {
        if (e instanceof JsonProcessingException) {
            return corrupt(file, expected, e);
        }
        return refused("read", file, e);
    }

    /**
     * Whether {@code file} exists, telling "no" from "cannot tell": {@link Files#exists} says false
     * when a directory on the way cannot be searched, which would make a sweep look absent.
     */
    public static boolean exists(Path file) {
        try {
            Files.readAttributes(file, BasicFileAttributes.class);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("Not a directory")) {
                return false;
            }
            throw refused("read", file, e);
        } catch (IOException e) {
            throw refused("read", file, e);
        }
    }

    /** One line for any I/O failure that reached the command line without a file of ours named. */
    public static RuntimeException describe(UncheckedIOException e) {
        if (e instanceof SystemRefusedException refused) {
            return refused;
        }
        IOException cause = e.getCause();
        if (cause instanceof FileSystemException fse && fse.getFile() != null) {
            return refused("use", Path.of(fse.getFile()), cause);
        }
        return new SystemRefusedException(firstLine(e.getMessage()), cause);
    }

    /** The system's reason, in its own words ("No space left on device", "Permission denied"). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}
