package io.nurture.local;

import io.camunda.client.CamundaClient;
import java.util.Arrays;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;

/** The Camunda client must not connect (or deploy its models) before the engine Nurture starts listens. */
public final class EngineFirst {

    private EngineFirst() {}

    public static BeanFactoryPostProcessor camundaClientAfter(String engineBean) {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
                addDependency(beanFactory.getBeanDefinition(name), engineBean);
            }
        };
    }

    /** {@code bean}, where it exists, starts after {@code engineBean} and stops before it. */
    public static BeanFactoryPostProcessor dependsOn(String bean, String engineBean) {
        return beanFactory -> {
            if (beanFactory.containsBeanDefinition(bean)) {
                addDependency(beanFactory.getBeanDefinition(bean), engineBean);
            }
        };
    }

    private static void addDependency(BeanDefinition definition, String engineBean) {
        String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
        String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
        extended[dependsOn.length] = engineBean;
        definition.setDependsOn(extended);
    }
}
