package io.cellbench.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Gives every jqwik property the seed of {@code -Dcellbench.seed} when it is set, so that a
 * property's failure (jqwik prints {@code seed = …} in its report) replays with the same
 * property as every other random test of the suite ({@link Seeds}). Registered for every module's
 * tests through {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}.
 */
public final class JqwikSeedOverride implements AroundPropertyHook {

    /** Registered globally, a hook sits on the engine: it must reach every property below it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public boolean appliesTo(Optional<AnnotatedElement> element) {
        return true;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Long seed = Seeds.override();
        if (seed != null) {
            context.attributes().setSeed(Long.toString(seed));
            System.out.println(context.extendedLabel() + ": jqwik seed " + seed + " (from -D" + Seeds.PROPERTY + ")");
        }
        return property.execute();
    }
}
