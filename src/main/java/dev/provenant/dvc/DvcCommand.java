package dev.provenant.dvc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parsed command line: the sub-command, its {@code --options} and the repeated {@code --model-pattern}s. */
record DvcCommand(String name, Map<String, String> options, List<String> modelPatterns, boolean dryRun) {

    private static final Set<String> VALUED = Set.of("--repo", "--url", "--api-key", "--api-key-file", "--namespace",
            "--model-pattern", "--timeout", "--command");

    static DvcCommand parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new DvcException("missing command: emit or install-hook");
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> patterns = new ArrayList<>();
        boolean dryRun = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (VALUED.contains(arg)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new DvcException(arg + " needs a value");
                    }
                    value = args[++i];
                }
                if (arg.equals("--model-pattern")) {
                    for (String p : value.split(",")) {
                        if (!p.isBlank()) {
                            patterns.add(p.trim());
                        }
                    }
                    options.put(arg, value);
                } else {
                    options.put(arg, value);
                }
            } else {
                throw new DvcException("unknown argument " + arg);
            }
        }
        return new DvcCommand(args[0], options, patterns, dryRun);
    }

    String option(String name) {
        return options.get(name);
    }

    /** Given patterns replace the defaults; {@code --model-pattern ''} switches pattern matching off. */
    ModelPatterns models() {
        return options.containsKey("--model-pattern") ? new ModelPatterns(modelPatterns)
                : new ModelPatterns(ModelPatterns.DEFAULTS);
    }
}
