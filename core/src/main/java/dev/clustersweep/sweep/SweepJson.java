package dev.clustersweep.sweep;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;

/** The one JSON mapper for the engine's own files: task lists are written in their condensed form. */
public final class SweepJson {

    private static final ObjectMapper MAPPER = create();

    private SweepJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        SimpleModule taskLists = new SimpleModule("task-lists");
        taskLists.addSerializer(TaskList.class, new JsonSerializer<>() {
            @Override
            public void serialize(TaskList value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        taskLists.addDeserializer(TaskList.class, new JsonDeserializer<>() {
            @Override
            public TaskList deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                return text == null || text.isEmpty() ? TaskList.empty() : TaskList.parse(text);
            }
        });
        return new ObjectMapper()
                .registerModule(taskLists)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
