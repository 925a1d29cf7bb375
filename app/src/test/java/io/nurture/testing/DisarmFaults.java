package io.nurture.testing;

import io.nurture.payment.ProviderFaults;
import org.awaitility.Awaitility;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** Every test starts on an app without armed faults, whatever the test before it left armed. */
class DisarmFaults implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        // An exception in a thread of the app's servers (a mail client hanging up on the SMTP server
        // while a context closes) is theirs to log: Awaitility would fail whichever test was waiting.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        var app = testContext.getApplicationContext();
        app.getBean(WorkerFaults.class).reset();
        app.getBean(EngineBackPressure.class).reset();
        app.getBean(IntakePauses.class).reset();
        app.getBean(ProviderFaults.class).reset();
    }
}
