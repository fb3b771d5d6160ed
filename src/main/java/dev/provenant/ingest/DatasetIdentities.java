package dev.provenant.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves symlinked dataset identities to one dataset node. Spark names a table by its location and
 * lists the table as a symlink, Hive does the reverse; both must land on one node. The rule: an
 * identity already known (as a dataset or an alias) keeps its dataset; otherwise a TABLE symlink is
 * preferred over a location; every other identity of the group becomes an alias of the chosen one.
 */
final class DatasetIdentities {

    private final Map<DatasetKey, DatasetKey> canonical;
    private final Map<DatasetKey, List<DatasetSnapshot.Symlink>> newAliases = new HashMap<>();

    /** @param known what the database already maps, from {@code resolve_dataset_keys} */
    DatasetIdentities(Map<DatasetKey, DatasetKey> known) {
        this.canonical = new HashMap<>(known);
    }

    /** Every identity an event batch mentions, to look up in the database first. */
    static Set<DatasetKey> mentionedIn(List<ParsedEvent> events) {
        Set<DatasetKey> keys = new LinkedHashSet<>();
        for (ParsedEvent event : events) {
            for (DatasetSnapshot snapshot : snapshots(event)) {
                keys.add(snapshot.key());
                snapshot.symlinks().forEach(s -> keys.add(s.key()));
                snapshot.columnLineage().forEach(e -> keys.add(e.from()));
            }
        }
        return keys;
    }

    static List<DatasetSnapshot> snapshots(ParsedEvent event) {
        List<DatasetSnapshot> all = new ArrayList<>(event.inputs().size() + event.outputs().size() + 1);
        all.addAll(event.inputs());
        all.addAll(event.outputs());
        if (event.dataset() != null) {
            all.add(event.dataset());
        }
        return all;
    }

    /** The dataset a snapshot belongs to; records the aliases its symlinks add. */
    DatasetKey resolve(DatasetSnapshot snapshot) {
        List<DatasetKey> group = new ArrayList<>();
        group.add(snapshot.key());
        snapshot.symlinks().forEach(s -> group.add(s.key()));
        DatasetKey target = group.stream().map(canonical::get).filter(k -> k != null).findFirst()
                .orElseGet(() -> snapshot.symlinks().stream()
                        .filter(s -> "TABLE".equalsIgnoreCase(s.type()))
                        .map(DatasetSnapshot.Symlink::key)
                        .findFirst()
                        .orElse(snapshot.key()));
        canonical.putIfAbsent(target, target);
        for (DatasetKey key : group) {
            if (!key.equals(target) && canonical.putIfAbsent(key, target) == null) {
                newAliases.computeIfAbsent(target, t -> new ArrayList<>()).add(
                        new DatasetSnapshot.Symlink(key, typeOf(snapshot, key)));
            }
        }
        return target;
    }

    /** The dataset an identity mentioned only in column lineage belongs to. */
    DatasetKey resolve(DatasetKey key) {
        return canonical.computeIfAbsent(key, k -> k);
    }

    /** Aliases to record for a dataset (identities first seen in this batch). */
    List<DatasetSnapshot.Symlink> aliasesOf(DatasetKey dataset) {
        return newAliases.getOrDefault(dataset, List.of());
    }

    /** The symlink's type, null when it has none; IDENTITY for the mention's own name. */
    private static String typeOf(DatasetSnapshot snapshot, DatasetKey key) {
        for (DatasetSnapshot.Symlink symlink : snapshot.symlinks()) {
            if (symlink.key().equals(key)) {
                return symlink.type();
            }
        }
        return "IDENTITY";
    }
}
