package dev.portcullis.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.api.Resource;
import dev.portcullis.mcp.api.ResourceTemplate;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.testing.TestTools;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 3 "Deployment-time validation" and the descriptors and results of discovered features. */
class FeatureRegistryBuilderTest {

    static class DuplicateTools {
        @Tool(name = "same")
        public String one() {
            return "1";
        }

        @Tool(name = "same")
        public String two() {
            return "2";
        }
    }

    static class BadTools {
        @Tool(name = "has space")
        public String badName() {
            return "";
        }

        @Tool
        public String unsupported(Object anything) {
            return "";
        }

        @ResourceTemplate(uriTemplate = "test://x/{a b}")
        public String badTemplate() {
            return "";
        }

        @Resource(uri = "not a uri")
        public String badUri() {
            return "";
        }

        @ResourceTemplate(uriTemplate = "test://y/{id}")
        public String wrongVariable(String name) {
            return name;
        }
    }

    @Test
    void problemsWhenDuplicateNamesThenNamesBothMethods() {
        List<String> problems = problems(DuplicateTools.class);

        assertThat(problems)
                .singleElement()
                .asString()
                .contains("Duplicate tool name 'same'")
                .contains("DuplicateTools#one")
                .contains("DuplicateTools#two");
    }

    @Test
    void problemsWhenNamePatternTypeAndUrisBadThenEachNamedWithClassAndMethod() {
        List<String> problems = problems(BadTools.class);

        assertThat(problems).hasSize(5);
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("'has space'")
                        .contains("BadTools#badName")
                        .contains(Tool.SPEC_NAME_PATTERN));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("BadTools#unsupported").contains("java.lang.Object"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("BadTools#badTemplate").contains("bad URI template"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("BadTools#badUri").contains("not an absolute URI"));
        assertThat(problems)
                .anySatisfy(
                        p -> assertThat(p).contains("BadTools#wrongVariable").contains("'name'"));
    }

    @Test
    void descriptorWhenArgumentsThenInputSchemaWithRequiredDefaultsAndDescriptions() {
        FeatureRegistry registry = TestTools.registry();

        JsonObject add = registry.tool("add").orElseThrow().descriptor();
        assertThat(add.getJsonObject("inputSchema").toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{"
                        + "\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"integer\",\"default\":0}},\"required\":[\"a\"],"
                        + "\"additionalProperties\":false}");
        assertThat(add.getJsonObject("outputSchema").getJsonArray("required").toString())
                .isEqualTo("[\"total\"]");
        assertThat(add.getJsonObject("annotations").getBoolean("readOnlyHint")).isTrue();
        JsonObject echo = registry.tool("echo").orElseThrow().descriptor();
        assertThat(echo.getString("description")).isEqualTo("Echoes its text.");
        assertThat(echo.containsKey("annotations"))
                .as("only declared hints are sent")
                .isFalse();
        assertThat(registry.tools()).extracting(ToolDefinition::name).isSorted();
    }

    @Test
    void callWhenStructuredThenStructuredContentAndJsonText() {
        JsonObject result = call("add", "{\"a\":2,\"b\":3}");

        assertThat(result.getJsonObject("structuredContent").toString()).isEqualTo("{\"total\":5}");
        assertThat(result.getJsonArray("content").getJsonObject(0).getString("text"))
                .isEqualTo("{\"total\":5}");
    }

    @Test
    void callWhenToolCallExceptionThenIsErrorWithAuthorsMessage() {
        JsonObject result = call("fail", "{\"size\":\"L\"}");

        assertThat(result.getBoolean("isError")).isTrue();
        assertThat(result.getJsonArray("content").getJsonObject(0).getString("text"))
                .isEqualTo("Size L is sold out");
    }

    @Test
    void callWhenArgumentInvalidThenIsErrorNamingIt() {
        assertThat(call("add", "{}").getJsonArray("content").getJsonObject(0).getString("text"))
                .isEqualTo("Missing required argument 'a'");
        assertThat(call("add", "{\"a\":\"x\"}")
                        .getJsonArray("content")
                        .getJsonObject(0)
                        .getString("text"))
                .isEqualTo("a must be a number, not string");
        assertThat(call("fail", "{\"size\":\"XL\"}")
                        .getJsonArray("content")
                        .getJsonObject(0)
                        .getString("text"))
                .isEqualTo("size must be one of [S, M, L]");
    }

    private static JsonObject call(String tool, String arguments) {
        return TestTools.registry()
                .tool(tool)
                .orElseThrow()
                .call(Json.createReader(new java.io.StringReader(arguments)).readObject(), InvocationScope.silent());
    }

    private static List<String> problems(Class<?> beanClass) {
        return new FeatureRegistryBuilder().addBean(beanClass, () -> null).problems();
    }
}
