package io.nurture.runtime;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the order id, customer id and process instance key of the job being handled into the
 * logging context, so ops can follow one order through the logs, and times every job handler
 * ({@code nurture.jobs}, tagged by job type and outcome).
 */
@Aspect
@Component
class JobLogContext {

    private final MeterRegistry meters;

    JobLogContext(MeterRegistry meters) {
        this.meters = meters;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JobLogContext.class);
    private static final String PROCESS_INSTANCE_KEY = "processInstanceKey";
    private static final String JOB_TYPE = "jobType";

    @Around("@annotation(jobWorker)")
    Object withJobContext(ProceedingJoinPoint call, JobWorker jobWorker) throws Throwable {
        Method method = ((MethodSignature) call.getSignature()).getMethod();
        Object[] args = call.getArgs();
        Annotation[][] annotations = method.getParameterAnnotations();
        try {
            MDC.put(JOB_TYPE, jobWorker.type());
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof ActivatedJob job) {
                    MDC.put(PROCESS_INSTANCE_KEY, Long.toString(job.getProcessInstanceKey()));
                }
                String name = variableName(annotations[i], method.getParameters()[i].getName());
                if (name != null && args[i] != null && (name.equals("orderId") || name.equals("customerId"))) {
                    MDC.put(name, args[i].toString());
                }
            }
            Timer.Sample sample = Timer.start(meters);
            String outcome = "failed";
            try {
                Object result = call.proceed();
                outcome = "completed";
                LOG.info("Handled {}", jobWorker.type());
                return result;
            } catch (CamundaError businessOutcome) {
                outcome = "bpmn-error";
                throw businessOutcome;
            } finally {
                sample.stop(meters.timer("nurture.jobs", "type", jobWorker.type(), "outcome", outcome));
            }
        } finally {
            MDC.remove(JOB_TYPE);
            MDC.remove(PROCESS_INSTANCE_KEY);
            MDC.remove("orderId");
            MDC.remove("customerId");
        }
    }

    private static String variableName(Annotation[] annotations, String parameterName) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Variable variable) {
                return variable.name().isEmpty() ? (variable.value().isEmpty() ? parameterName : variable.value())
                        : variable.name();
            }
        }
        return null;
    }
}
