/**
 * The risk check of an order: the decision table {@code order-risk.dmn} decides in the engine;
 * the worker here only holds an order for review or rejects it.
 */
package io.nurture.risk;
