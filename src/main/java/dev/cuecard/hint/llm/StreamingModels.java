package dev.cuecard.hint.llm;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;

/** The one way an OpenAI-compatible streaming client is built from an {@link LlmConfig}. */
final class StreamingModels {
    private StreamingModels() {
    }

    static StreamingChatModel build(LlmConfig config, Executor httpExecutor, double temperature) {
        HttpClient.Builder jdk = HttpClient.newBuilder().executor(httpExecutor);
        if ("http".equalsIgnoreCase(config.baseUrl().getScheme())) {
            jdk.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with local servers
        }
        Duration connect = config.firstTokenTimeout().compareTo(Duration.ofSeconds(10)) < 0
                ? config.firstTokenTimeout() : Duration.ofSeconds(10);
        return OpenAiStreamingChatModel.builder()
                .baseUrl(config.baseUrl().toString())
                .apiKey(config.apiKey().map(ApiKey::value).orElse(null))
                .modelName(config.model())
                .temperature(temperature)
                .strictJsonSchema(true)
                .logRequests(false) // requests carry the transcript and the key's header
                .logResponses(false)
                // a server that answers the streamed request with one whole JSON reply is read too
                .httpClientBuilder(WholeReplies.around(new JdkHttpClientBuilder().httpClientBuilder(jdk)
                        .connectTimeout(connect).readTimeout(config.requestTimeout())))
                .build();
    }
}
