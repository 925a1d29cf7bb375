package io.nurture.testing;

import io.nurture.payment.ProviderFaults;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** Every test starts on an app without armed faults, whatever the test before it left armed. */
class DisarmFaults implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        var app = testContext.getApplicationContext();
        app.getBean(WorkerFaults.class).reset();
        app.getBean(EngineBackPressure.class).reset();
        app.getBean(IntakePauses.class).reset();
        app.getBean(ProviderFaults.class).reset();
    }
}
