package dev.clustersweep.results;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map of a few entries whose key array is shared by many maps: 100,000 tasks with
 * the same three parameters (or the same two metrics) hold one array of names between them and one
 * array of values each, instead of a hash table and an entry object per name. Iterates in key order;
 * a lookup is a scan, which for a handful of keys costs less than hashing.
 *
 * @param <V> the values' type
 */
public final class SharedKeyMap<V> extends AbstractMap<String, V> {

    private final String[] keys;
    private final Object[] values;

    /** A map of {@code keys[i]} to {@code values[i]}; the caller gives up both arrays (keys distinct, not null). */
    public SharedKeyMap(String[] keys, Object[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(keys.length + " keys for " + values.length + " values");
        }
        this.keys = keys;
        this.values = values;
    }

    /** The key array, shared: two maps with the same array instance have the same keys in the same order. */
    String[] keyArray() {
        return keys;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            // Keys are shared Strings, so the identity check settles most lookups without comparing text.
            if (keys[i] == key || keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], (V) values[i]);
                    }
                };
            }
        };
    }

    /** An unmodifiable copy of {@code map} in its order, sharing {@code keys} when they are the map's keys in order. */
    static <V> SharedKeyMap<V> of(Map<String, V> map, String[] keys) {
        Object[] values = new Object[map.size()];
        int i = 0;
        boolean same = keys != null && keys.length == map.size();
        String[] own = same ? keys : new String[map.size()];
        for (Map.Entry<String, V> e : map.entrySet()) {
            if (same && !keys[i].equals(e.getKey())) {
                same = false;
                own = new String[map.size()];
                System.arraycopy(keys, 0, own, 0, i);
            }
            own[i] = same ? keys[i] : e.getKey();
            values[i++] = e.getValue();
        }
        return new SharedKeyMap<>(own, values);
    }
}
