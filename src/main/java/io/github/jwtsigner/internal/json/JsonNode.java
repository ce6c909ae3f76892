package io.github.jwtsigner.internal.json;

import java.util.Collections;
import java.util.List;

/**
 * A value parsed by {@link JsonParser}, remembering the characters {@code [start, end)} of the source it
 * came from, so a caller can replace one value and leave every other character as it was.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface JsonNode
        permits JsonNode.ObjectNode, JsonNode.ArrayNode, JsonNode.StringNode, JsonNode.NumberNode,
        JsonNode.LiteralNode {

    /** Offset of the value's first character in the source. */
    int start();

    /** Offset just past the value's last character in the source. */
    int end();

    /** A short name of the value's JSON type ({@code object}, {@code array}, ...) for messages. */
    String typeName();

    /** An object: every member in source order, duplicate names included. */
    record ObjectNode(List<Member> members, int start, int end) implements JsonNode {
        public ObjectNode {
            members = Collections.unmodifiableList(members);
        }

        @Override
        public String typeName() {
            return "object";
        }

        @Override
        public String toString() {
            return "ObjectNode[" + members.size() + " members, " + start + ".." + end + "]";
        }
    }

    /**
     * One object member.
     *
     * @param name the member name, unescaped
     * @param nameStart offset of the name's opening quote in the source
     */
    record Member(String name, int nameStart, JsonNode value) {
        @Override
        public String toString() {
            // Names and values may be claim contents; keep them out of logs.
            return "Member[" + nameStart + "]";
        }
    }

    /** An array: elements in source order. */
    record ArrayNode(List<JsonNode> elements, int start, int end) implements JsonNode {
        public ArrayNode {
            elements = Collections.unmodifiableList(elements);
        }

        @Override
        public String typeName() {
            return "array";
        }

        @Override
        public String toString() {
            return "ArrayNode[" + elements.size() + " elements, " + start + ".." + end + "]";
        }
    }

    /** A string, unescaped; may hold lone surrogates written as {@code \}{@code uD800} escapes. */
    record StringNode(String value, int start, int end) implements JsonNode {
        @Override
        public String typeName() {
            return "string";
        }

        @Override
        public String toString() {
            return "StringNode[" + start + ".." + end + "]";
        }
    }

    /** A number, kept as its literal source text ({@code 1.0} stays {@code 1.0}, no digit is lost). */
    record NumberNode(String literal, int start, int end) implements JsonNode {
        @Override
        public String typeName() {
            return "number";
        }

        @Override
        public String toString() {
            return "NumberNode[" + start + ".." + end + "]";
        }
    }

    /** {@code true}, {@code false} or {@code null}, as its literal text. */
    record LiteralNode(String literal, int start, int end) implements JsonNode {
        @Override
        public String typeName() {
            return literal.equals("null") ? "null" : "boolean";
        }

        @Override
        public String toString() {
            return "LiteralNode[" + literal + ", " + start + ".." + end + "]";
        }
    }
}
