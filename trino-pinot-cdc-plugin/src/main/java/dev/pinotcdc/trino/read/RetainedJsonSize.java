package dev.pinotcdc.trino.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.airlift.slice.SizeOf.estimatedSizeOf;
import static io.airlift.slice.SizeOf.instanceSize;
import static io.airlift.slice.SizeOf.sizeOf;
import static io.airlift.slice.SizeOf.sizeOfObjectArray;

/**
 * About how much heap a parsed JSON tree retains: Jackson's nodes, the maps and lists behind objects and arrays,
 * and their strings. Shared nodes (booleans, nulls) count nothing.
 */
final class RetainedJsonSize
{
    private static final int OBJECT_NODE_SIZE = instanceSize(ObjectNode.class) + instanceSize(LinkedHashMap.class);
    // LinkedHashMap.Entry is not public: a header, hash, key, value, next, before, after
    private static final int MAP_ENTRY_SIZE = 48;
    private static final int ARRAY_NODE_SIZE = instanceSize(ArrayNode.class) + instanceSize(ArrayList.class);
    private static final int TEXT_NODE_SIZE = instanceSize(TextNode.class);
    // BigInteger and BigDecimal hold an int array (or a long) beside their headers
    private static final int BIG_NUMBER_SIZE = 64;
    // measuring a class's layout is slow: once per class
    private static final ClassValue<Integer> INSTANCE_SIZES = new ClassValue<>()
    {
        @Override
        protected Integer computeValue(Class<?> type)
        {
            return instanceSize(type);
        }
    };

    private RetainedJsonSize() {}

    static long of(JsonNode node)
    {
        return switch (node) {
            case null -> 0;
            case ObjectNode object -> {
                long size = OBJECT_NODE_SIZE + sizeOfObjectArray(tableSize(object.size()));
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    size += MAP_ENTRY_SIZE + estimatedSizeOf(field.getKey()) + of(field.getValue());
                }
                yield size;
            }
            case ArrayNode array -> {
                long size = ARRAY_NODE_SIZE + sizeOfObjectArray(array.size());
                for (JsonNode element : array) {
                    size += of(element);
                }
                yield size;
            }
            case TextNode text -> TEXT_NODE_SIZE + estimatedSizeOf(text.textValue());
            case BinaryNode binary -> INSTANCE_SIZES.get(BinaryNode.class) + sizeOf(binary.binaryValue());
            case BigIntegerNode _, DecimalNode _ -> INSTANCE_SIZES.get(node.getClass()) + BIG_NUMBER_SIZE;
            // booleans, nulls and the missing node are shared instances
            default -> node.isBoolean() || node.isNull() || node.isMissingNode() ? 0 : INSTANCE_SIZES.get(node.getClass());
        };
    }

    private static int tableSize(int entries)
    {
        // HashMap keeps its table at most three quarters full, in powers of two
        return entries == 0 ? 0 : Integer.highestOneBit(Math.max(1, entries * 4 / 3)) * 2;
    }
}
