export { clusterQuestions, type Question, type Topic } from './cluster-questions.js';
export { QuestionTopics } from './question-topics.js';
export { type QuestionWord, questionWords } from './question-words.js';
