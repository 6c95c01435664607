package dev.portcullis.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 3 "Schemas from Java types": JSON Schema 2020-12 from scalars, enums, records, lists, maps, Optional. */
class JsonSchemaGeneratorTest {

    enum Colour {
        RED,
        GREEN
    }

    record Address(String street, Optional<String> zip) {}

    record Person(String name, int age, List<Address> addresses, Map<String, Double> scores, Colour colour) {}

    record Loop(List<Loop> children) {}

    @SuppressWarnings("unused")
    private List<String> listOfStrings;

    @SuppressWarnings("unused")
    private Map<Integer, String> integerKeys;

    @SuppressWarnings("unused")
    private Optional<Set<Long>> optionalSet;

    private final JsonSchemaGenerator generator = new JsonSchemaGenerator();

    @Test
    void schemaOfWhenScalarsThenJsonTypes() {
        assertThat(generator.schemaOf(String.class).getString("type")).isEqualTo("string");
        assertThat(generator.schemaOf(int.class).getString("type")).isEqualTo("integer");
        assertThat(generator.schemaOf(Long.class).getString("type")).isEqualTo("integer");
        assertThat(generator.schemaOf(double.class).getString("type")).isEqualTo("number");
        assertThat(generator.schemaOf(Boolean.class).getString("type")).isEqualTo("boolean");
        assertThat(generator.schemaOf(jakarta.json.JsonObject.class))
                .as("any JSON, though it is a Map")
                .isEmpty();
    }

    @Test
    void schemaOfWhenEnumThenStringWithConstants() {
        JsonObject schema = generator.schemaOf(Colour.class);

        assertThat(schema.toString()).isEqualTo("{\"type\":\"string\",\"enum\":[\"RED\",\"GREEN\"]}");
    }

    @Test
    void schemaOfWhenRecordThenObjectWithRequiredNonOptionalComponents() {
        JsonObject schema = generator.schemaOf(Person.class);

        assertThat(schema.getString("type")).isEqualTo("object");
        assertThat(schema.getJsonArray("required").toString())
                .isEqualTo("[\"name\",\"age\",\"addresses\",\"scores\",\"colour\"]");
        JsonObject address =
                schema.getJsonObject("properties").getJsonObject("addresses").getJsonObject("items");
        assertThat(address.getJsonArray("required").toString()).isEqualTo("[\"street\"]");
        assertThat(address.getBoolean("additionalProperties")).isFalse();
        assertThat(schema.getJsonObject("properties").getJsonObject("scores").toString())
                .isEqualTo("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\"}}");
    }

    @Test
    void schemaOfWhenGenericCollectionsThenItems() throws Exception {
        assertThat(generator.schemaOf(field("listOfStrings")).toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
        assertThat(generator.schemaOf(field("optionalSet")).toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}");
    }

    @Test
    void schemaOfWhenUnsupportedTypeThenNamesIt() {
        assertThatThrownBy(() -> generator.schemaOf(Object.class))
                .isInstanceOf(UnsupportedTypeException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> generator.schemaOf(field("integerKeys")))
                .hasMessageContaining("map keys must be String");
        assertThatThrownBy(() -> generator.schemaOf(Loop.class)).hasMessageContaining("recursive");
    }

    private static Type field(String name) throws NoSuchFieldException {
        return JsonSchemaGeneratorTest.class.getDeclaredField(name).getGenericType();
    }
}
