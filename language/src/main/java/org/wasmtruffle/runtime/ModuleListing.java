package org.wasmtruffle.runtime;

import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.module.ExternKind;
import org.wasmtruffle.module.Import;
import org.wasmtruffle.module.ModuleDescription;

/**
 * A character listing of a module for tools: a binary source has no characters, so debuggers and the
 * Chrome inspector cannot point into it. Line {@code N + 1} describes function {@code N}
 * ({@code func[N] name (func (param ...) (result ...))}, imports marked as such); a function and its call
 * sites have that line as their source section, so a line breakpoint stops at the function's entry.
 * Built by {@link WasmModule} the first time a tool asks for a section, never at load time.
 */
final class ModuleListing {
    /** The listing's MIME type (declared by {@link WasmLanguage}; parsing such a source is an error). */
    static final String MIME_TYPE = WasmLanguage.LISTING_MIME_TYPE;

    static {
        // Loads and initializes the source classes once, when the first module is loaded: building a
        // listing lazily may happen deep in a recursion, where a class initializer that overflows the
        // host stack would leave its class unusable for good.
        Source.newBuilder(WasmLanguage.ID, "\n", "listing").mimeType(MIME_TYPE).build().createSection(1).getCharacters();
    }

    private final Source source;
    /** Each function's line as a section, made on first request (a race only makes an equal one twice). */
    private final SourceSection[] sections;

    private ModuleListing(Source source, int functionCount) {
        this.source = source;
        this.sections = new SourceSection[functionCount];
    }

    /** Initializes this class (see the static initializer); call when a module is loaded. */
    static void prepare() {
    }

    /** The listing of {@code description}, named after the module's source {@code sourceName}. */
    static ModuleListing of(ModuleDescription description, String sourceName) {
        int count = description.functionCount();
        StringBuilder text = new StringBuilder(count * 48);
        int f = 0;
        // Imported functions come first in the index space, in the order of their imports.
        for (Import i : description.imports()) {
            if (i.kind() == ExternKind.FUNCTION) {
                appendFunction(text, description, f++);
                text.append(" (import \"").append(i.module()).append("\" \"").append(i.name()).append("\")\n");
            }
        }
        for (; f < count; f++) {
            appendFunction(text, description, f);
            text.append('\n');
        }
        Source source = Source.newBuilder(WasmLanguage.ID, text, sourceName + ".listing").mimeType(MIME_TYPE).build();
        return new ModuleListing(source, count);
    }

    private static void appendFunction(StringBuilder text, ModuleDescription description, int f) {
        text.append("func[").append(f).append(']');
        String name = description.functionName(f);
        if (name != null) {
            text.append(' ');
            // A name is any UTF-8 text; a line break in it would shift every following line.
            for (int c = 0; c < name.length(); c++) {
                char ch = name.charAt(c);
                text.append(Character.isISOControl(ch) ? '?' : ch);
            }
        }
        text.append(' ').append(description.functionType(f));
    }

    Source source() {
        return source;
    }

    /** Function {@code functionIndex}'s line. */
    SourceSection functionSection(int functionIndex) {
        SourceSection section = sections[functionIndex];
        if (section == null) {
            section = source.createSection(functionIndex + 1);
            sections[functionIndex] = section;
        }
        return section;
    }
}
