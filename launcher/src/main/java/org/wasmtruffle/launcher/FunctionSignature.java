package org.wasmtruffle.launcher;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * The parameter and result types of an exported function, read from the type string the engine gives
 * in a module's export descriptors, e.g. {@code (func (param i32 i64) (result f32))}.
 *
 * @param params the parameter types, e.g. {@code i32}
 * @param results the result types
 */
record FunctionSignature(List<String> params, List<String> results) {
    /**
     * Parses a function type in the text format's notation; parameter names ({@code $x}) are allowed.
     *
     * @throws IllegalArgumentException if {@code text} is not a function type
     */
    static FunctionSignature parse(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        if (tokens.size() < 3 || !tokens.get(0).equals("(") || !tokens.get(1).equals("func") || !tokens.get(tokens.size() - 1).equals(")")) {
            throw new IllegalArgumentException("not a function type: " + text);
        }
        List<String> params = new ArrayList<>();
        List<String> results = new ArrayList<>();
        int end = tokens.size() - 1; // the closing parenthesis of "(func"
        int i = 2;
        while (i < end) {
            if (!tokens.get(i).equals("(") || i + 1 >= end) {
                throw new IllegalArgumentException("not a function type: " + text);
            }
            List<String> into = switch (tokens.get(i + 1)) {
                case "param" -> params;
                case "result" -> results;
                default -> throw new IllegalArgumentException("not a function type: " + text);
            };
            i += 2;
            while (i < end && !tokens.get(i).equals(")")) {
                String token = tokens.get(i++);
                if (token.equals("(")) {
                    throw new IllegalArgumentException("not a function type: " + text);
                }
                if (!token.startsWith("$")) {
                    into.add(token);
                }
            }
            if (i >= end) {
                throw new IllegalArgumentException("not a function type: " + text);
            }
            i++; // the clause's ')'
        }
        return new FunctionSignature(List.copyOf(params), List.copyOf(results));
    }

    /**
     * The signature of export {@code name} from {@code module}'s export descriptors
     * ({@code module.exports}: a list of objects with {@code name} and {@code type}), or {@code null} if
     * the engine does not say.
     */
    static FunctionSignature ofExport(Value module, String name) {
        Value exports = module.getMember("exports");
        if (exports == null || exports.isNull()) {
            return null;
        }
        Value descriptor = null;
        if (exports.hasArrayElements()) {
            for (long i = 0; i < exports.getArraySize(); i++) {
                Value d = exports.getArrayElement(i);
                Value n = d.getMember("name");
                if (n != null && n.isString() && n.asString().equals(name)) {
                    descriptor = d;
                    break;
                }
            }
        } else if (exports.hasMember(name)) {
            descriptor = exports.getMember(name);
        }
        if (descriptor == null) {
            return null;
        }
        Value type = descriptor.isString() ? descriptor : descriptor.getMember("type");
        if (type == null || !type.isString()) {
            return null;
        }
        try {
            return parse(type.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(func");
        if (!params.isEmpty()) {
            sb.append(" (param ").append(String.join(" ", params)).append(')');
        }
        if (!results.isEmpty()) {
            sb.append(" (result ").append(String.join(" ", results)).append(')');
        }
        return sb.append(')').toString();
    }
}
