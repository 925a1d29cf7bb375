package io.nurture.processes.cpt;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Deploys Nurture's models to the Camunda runtime of a Camunda Process Test; no workers: tests mock them. */
@SpringBootApplication
@Deployment(resources = {"classpath*:/*.bpmn", "classpath*:/*.dmn"})
class ProcessTestApplication {}
