# Builds the Nurture app image for docker-compose (cluster mode).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY processes/pom.xml processes/
COPY workers/pom.xml workers/
COPY app/pom.xml app/
RUN ./mvnw -B -q dependency:go-offline -DexcludeArtifactIds=nurture-processes,nurture-workers || true
COPY processes processes
COPY workers workers
COPY app app
# Cluster mode only: skip unpacking the local broker distribution (mdep.skip), the image never runs it.
RUN ./mvnw -B -q package -DskipTests -Dmdep.skip=true

FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /src/app/target/nurture-app-*-cluster.jar nurture.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/nurture.jar"]
