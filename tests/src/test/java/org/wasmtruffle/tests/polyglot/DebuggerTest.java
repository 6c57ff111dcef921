package org.wasmtruffle.tests.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.truffle.api.debug.Breakpoint;
import com.oracle.truffle.api.debug.DebugStackFrame;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.DebuggerSession;
import com.oracle.truffle.api.debug.SuspendedEvent;
import com.oracle.truffle.api.source.SourceSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;

/**
 * Truffle's debugger on wasm code: it stops at a function's entry, on the function's line in the module's
 * listing (line N + 1 is function N; in the host test module, 0 is the import {@code callback}, 1
 * {@code compute}, 2 {@code sum}, 8 {@code inner} and 9 {@code trap}).
 */
class DebuggerTest {
    /** One suspension: the top frame's function, and the line and text of its section. */
    private record Stop(String function, int line, String text, SourceSection section) {
        static Stop of(SuspendedEvent event) {
            DebugStackFrame top = event.getTopStackFrame();
            SourceSection section = event.getSourceSection();
            return new Stop(top.getName(), section.getStartLine(), section.getCharacters().toString(), section);
        }
    }

    private static Value exports(Context context) throws Exception {
        Value module = context.eval(Source.newBuilder("wasm-truffle", ByteSequence.create(TestModules.bytes(TestModules.hostTest())), "host_test.wasm").build());
        ProxyExecutable callback = args -> args[0].asInt() * 2;
        return module.newInstance(ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("callback", callback))))).getMember("exports");
    }

    @Test
    void suspendNextExecutionStopsAtTheFunctionsEntryAndStepsIntoCalls() throws Exception {
        List<Stop> stops = new ArrayList<>();
        try (Engine engine = Engine.create("wasm-truffle"); Context context = Context.newBuilder("wasm-truffle").engine(engine).build()) {
            Value exports = exports(context);
            try (DebuggerSession session = Debugger.find(engine).startSession(event -> {
                stops.add(Stop.of(event));
                event.prepareStepInto(1);
            })) {
                session.suspendNextExecution();
                // trap calls inner, which traps: the debugger stops at trap's entry, then steps into inner.
                PolyglotException e = assertThrows(PolyglotException.class, () -> exports.getMember("trap").execute());
                assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
            }
        }
        assertEquals(2, stops.size(), stops::toString);
        assertEquals("trap", stops.get(0).function());
        assertEquals(10, stops.get(0).line());
        assertEquals("func[9] trap (func)", stops.get(0).text());
        assertEquals("inner", stops.get(1).function());
        assertEquals(9, stops.get(1).line());
        assertEquals("func[8] inner (func)", stops.get(1).text());
        String listing = stops.get(0).section().getSource().getCharacters().toString();
        assertTrue(listing.startsWith("func[0] callback (func (param i32) (result i32)) (import \"env\" \"callback\")\n"
                        + "func[1] compute (func (param i32) (result i32))\n"), listing);
        assertEquals("host_test.wasm.listing", stops.get(0).section().getSource().getName());
    }

    @Test
    void lineBreakpointStopsAtTheFunctionsEntry() throws Exception {
        List<Stop> stops = new ArrayList<>();
        try (Engine engine = Engine.create("wasm-truffle"); Context context = Context.newBuilder("wasm-truffle").engine(engine).build()) {
            Value exports = exports(context);
            try (DebuggerSession session = Debugger.find(engine).startSession(event -> stops.add(Stop.of(event)))) {
                // The listing as a tool finds it: from a first suspension.
                session.suspendNextExecution();
                assertEquals(2 * 21 + 1, exports.invokeMember("compute", 21).asInt());
                assertEquals(1, stops.size(), stops::toString);
                assertEquals(new Stop("compute", 2, "func[1] compute (func (param i32) (result i32))", stops.get(0).section()), stops.get(0));
                com.oracle.truffle.api.source.Source listing = stops.get(0).section().getSource();

                Breakpoint atSum = session.install(Breakpoint.newBuilder(listing.getURI()).lineIs(3).build());
                exports.invokeMember("compute", 1);
                exports.invokeMember("sum", 0, 10);
                exports.invokeMember("compute", 2);
                exports.invokeMember("sum", 0, 20);
                assertEquals(2, atSum.getHitCount());
                assertTrue(atSum.isResolved());
            }
        }
        assertEquals(3, stops.size(), stops::toString);
        for (Stop stop : stops.subList(1, 3)) {
            assertEquals("sum", stop.function());
            assertEquals(3, stop.line());
            assertEquals("func[2] sum (func (param i32 i32) (result i32))", stop.text());
        }
    }

    @Test
    void evaluatingAListingIsAClearError() {
        try (Context context = Context.create("wasm-truffle")) {
            Source listing = Source.newBuilder("wasm-truffle", "func[0] f (func)\n", "m.wasm.listing").mimeType("text/x-wasm-truffle-listing").buildLiteral();
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(listing));
            assertTrue(e.isSyntaxError(), e::toString);
            assertTrue(e.getMessage().contains("listing") && e.getMessage().contains("application/wasm"), e.getMessage());
        }
    }
}
